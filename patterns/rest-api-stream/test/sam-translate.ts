import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * What AWS SAM's translator (the Python `samtranslator` that cfn-lint runs) makes of a
 * template: the CloudFormation resources that `sam deploy` would create. Local `CodeUri`
 * folders are replaced by an S3 placeholder, since the translator wants packaged code.
 */
const SCRIPT = `
import json, sys
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

class NoManagedPolicies:
    def load(self):
        return {}

template = yaml_parse(open(sys.argv[1]).read())
for resource in template.get('Resources', {}).values():
    if resource.get('Type') == 'AWS::Serverless::Function':
        resource['Properties']['CodeUri'] = 's3://placeholder-bucket/code.zip'
print(json.dumps(transform(template, {}, NoManagedPolicies())))
`;

/** A translated CloudFormation resource. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/**
 * Translates a SAM template with `samtranslator` in a real `python3`.
 *
 * @param templateFile - Absolute path of the template.
 * @returns The translated template's resources by logical ID.
 * @example
 * ```ts
 * const resources = await samTranslate('/repo/patterns/rest-api-stream/template.yaml');
 * ```
 */
export async function samTranslate(templateFile: string): Promise<Record<string, CfnResource>> {
  const { stdout } = await promisify(execFile)('python3', ['-c', SCRIPT, templateFile], {
    env: { ...process.env, AWS_DEFAULT_REGION: 'us-east-1' },
  });
  return (JSON.parse(stdout) as { Resources: Record<string, CfnResource> }).Resources;
}

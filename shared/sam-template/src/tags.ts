import { type CollectionTag, Pair, Scalar, type ScalarTag, YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Every CloudFormation short-form tag and the long-form key it stands for.
 * [AWS docs: intrinsic function reference](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)
 *
 * @example
 * ```ts
 * SHORT_FORM_TAGS.Sub; // 'Fn::Sub'
 * ```
 */
export const SHORT_FORM_TAGS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  ImportValue: 'Fn::ImportValue',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
};

/** `!GetAtt Resource.Attribute` splits at the first dot; the attribute may contain dots. */
function scalarArgument(longForm: string, text: string): unknown {
  if (longForm !== 'Fn::GetAtt') return text;
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function scalarTag(tag: string, longForm: string): ScalarTag {
  return {
    tag,
    resolve: (text) => ({ [longForm]: scalarArgument(longForm, text) }),
  };
}

/** Wraps the parsed collection node so aliases and nested tags inside it keep working. */
function collectionTag(tag: string, longForm: string, collection: 'map' | 'seq'): CollectionTag {
  return {
    tag,
    collection,
    resolve: (node: YAMLMap.Parsed | YAMLSeq.Parsed) => {
      const wrapper = new YAMLMap();
      wrapper.items.push(new Pair(new Scalar(longForm), node));
      return wrapper;
    },
  };
}

/**
 * The `customTags` for the `yaml` package that turn each CloudFormation short form into its long
 * form: `!Ref X` → `{ Ref: 'X' }`, `!Sub [text, vars]` → `{ 'Fn::Sub': [text, vars] }`,
 * `!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`. Each tag accepts a scalar, a sequence and a
 * mapping, as CloudFormation does.
 *
 * @example
 * ```ts
 * import { parse } from 'yaml';
 * parse('Value: !Ref Stage', { customTags: cloudFormationTags }); // { Value: { Ref: 'Stage' } }
 * ```
 */
export const cloudFormationTags: readonly (ScalarTag | CollectionTag)[] = Object.entries(
  SHORT_FORM_TAGS,
).flatMap(([short, longForm]) => [
  scalarTag(`!${short}`, longForm),
  collectionTag(`!${short}`, longForm, 'seq'),
  collectionTag(`!${short}`, longForm, 'map'),
]);

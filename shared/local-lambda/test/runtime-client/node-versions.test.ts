import { describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { useRuntimeHarness } from './helpers/harness.js';
import { nodeBinaries } from './helpers/runtime-process.js';

// The runtime runs on Node 20 (the host) and Node 22 (what `nodejs22.x` names); the whole suite
// can also run on another binary with RUNTIME_TEST_NODE=/path/to/node.
const harness = useRuntimeHarness();

describe.each(nodeBinaries())('on $name', ({ path }) => {
  it('streams a response with its prelude', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.fromWriteThenEnd', { nodeBinary: path });

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(response).subarray(-16).toString()).toBe('<p>1</p><p>2</p>');
  });

  it('reports an error before the first byte as trailers', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.throwBeforeWrite', { nodeBinary: path });

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('TypeError');
  });
});

import { describe, expect, it } from 'vitest';
import { renderArrivalChart, tickStep } from '../bench/lib/svg-chart.js';
import { renderLatestMarkdown } from '../bench/report/latest-md.js';
import {
  BENCH_END,
  renderReadmeSection,
  replaceBenchSection,
} from '../bench/report/readme-section.js';
import type { BenchResults } from '../bench/results.js';
import { evaluateTargets } from '../bench/targets.js';
import { asciiTimeline } from '../ttfb-report.js';
import { benchResults, scenarioResults } from './fixtures/bench-results.js';

describe('renderArrivalChart', () => {
  it('draws one step line and one dot per chunk for each series, then the legend', () => {
    // Arrange
    const streamed = [
      { atMs: 4, bytes: 800 },
      { atMs: 1004, bytes: 200 },
    ];
    const buffered = [{ atMs: 4010, bytes: 21 }];

    // Act
    const svg = renderArrivalChart(
      [
        { label: 'streamed', color: '#ff9900', chunks: streamed },
        { label: 'buffered', color: '#5f6b7a', chunks: buffered },
      ],
      { title: 'ttfb-write <local>' },
    );

    // Assert
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // A <title> first, for screen readers (and Biome's noSvgWithoutTitle on the committed chart).
    expect(svg.split('\n')[1]).toBe('<title>ttfb-write &lt;local&gt;</title>');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle [^>]*fill="#ff9900"/g)).toHaveLength(2);
    expect(svg.match(/<circle [^>]*fill="#5f6b7a"/g)).toHaveLength(1);
    expect(svg).toContain('ttfb-write &lt;local&gt;');
    expect(svg).toContain('>streamed</text>');
    expect(svg).toContain('>4.5 s</text>');
  });

  it('steps up to 100% at the last chunk of each series', () => {
    // Act
    const svg = renderArrivalChart(
      [{ label: 'one', color: 'red', chunks: [{ atMs: 500, bytes: 10 }] }],
      { title: 't', width: 400, height: 300 },
    );

    // Assert: y of 100% is the top margin (44); the line ends at the right edge (400 - 20).
    expect(svg).toMatch(/d="M 56 236 H [\d.]+ V 44 H 380"/);
  });

  it('picks a tick step of 1, 2 or 5 times a power of ten', () => {
    // Assert
    expect(tickStep(4.2)).toBe(0.5);
    expect(tickStep(12)).toBe(2);
    expect(tickStep(0.08)).toBe(0.01);
  });
});

describe('README section', () => {
  const readme = [
    '# Title',
    '',
    '<!-- bench:start (generated) -->',
    'old figures',
    BENCH_END,
    '',
    '## License',
    '',
  ].join('\n');

  it('replaces only what is between the markers, markers included', () => {
    // Act
    const updated = replaceBenchSection(readme, '<!-- bench:start x -->\nnew\n<!-- bench:end -->');

    // Assert
    expect(updated).toBe(
      '# Title\n\n<!-- bench:start x -->\nnew\n<!-- bench:end -->\n\n## License\n',
    );
  });

  it('gives the same README when the section is generated twice', () => {
    // Arrange
    const section = renderReadmeSection(benchResults());

    // Act
    const once = replaceBenchSection(readme, section);
    const twice = replaceBenchSection(once, section);

    // Assert
    expect(twice).toBe(once);
    expect(once).toContain('## Performance');
    expect(once.endsWith('\n\n## License\n')).toBe(true);
  });

  it('refuses a README without the markers', () => {
    // Assert
    expect(() => replaceBenchSection('# Title\n', 'x')).toThrow('bench:start');
  });

  it('states every target with its figure and whether it was met', () => {
    // Arrange
    const results: BenchResults = benchResults();

    // Act
    const section = renderReadmeSection(results);

    // Assert
    expect(results.targets).toHaveLength(11);
    for (const target of results.targets) {
      expect(section).toContain(
        `| ${target.target} | ${target.measured} | ${target.met ? 'yes' : '**no**'} |`,
      );
    }
    expect(section).toContain('bench/results/ttfb-write-chunks.svg');
  });
});

describe('evaluateTargets', () => {
  it('marks each target met or missed from its figure', () => {
    // Act
    const targets = evaluateTargets(scenarioResults());

    // Assert
    const met = Object.fromEntries(targets.map((t) => [t.id, t.met]));
    expect(met).toMatchObject({
      'ttfb-streamed-vs-buffered': true,
      'ttfb-overhead-url': true,
      'throughput-url': true,
      'bandwidth-model': true,
      'cold-start': true,
      'concurrency-ttfb': false,
    });
    expect(targets.find((t) => t.id === 'concurrency-ttfb')?.measured).toBe(
      '150/150 complete, p99 120 ms (plain server: 30.0 ms)',
    );
  });

  it('has no rows for a scenario that did not run', () => {
    // Act
    const targets = evaluateTargets({ bandwidth: scenarioResults().bandwidth });

    // Assert
    expect(targets.map((t) => t.id)).toEqual(['bandwidth-model']);
  });
});

describe('renderLatestMarkdown', () => {
  it('has the targets, the reason of a miss and a section per scenario', () => {
    // Act
    const markdown = renderLatestMarkdown(benchResults());

    // Assert
    expect(markdown).toContain('## Targets');
    expect(markdown).toMatch(/- \*\*50 concurrent streams.*\*\*: missed, .*bound by the CPU/);
    for (let i = 1; i <= 7; i += 1) expect(markdown).toMatch(new RegExp(`^## ${i}\\. `, 'm'));
    expect(markdown).toContain('`--max-concurrency 50`');
  });
});

describe('asciiTimeline', () => {
  it('marks the columns where chunks arrived and lists them', () => {
    // Act
    const lines = asciiTimeline(
      [
        { atMs: 0, bytes: 812 },
        { atMs: 500, bytes: 10 },
        { atMs: 999, bytes: 20 },
      ],
      1000,
      10,
    );

    // Assert
    expect(lines[0]).toBe('|#....#...#|');
    expect(lines[1]).toBe('0 ms 1000 ms');
    expect(lines.slice(2)).toEqual([
      '     0.00 ms  812 B',
      '      500 ms  10 B',
      '      999 ms  20 B',
    ]);
  });

  it('lists the first chunks and sums up the rest', () => {
    // Act
    const chunks = Array.from({ length: 15 }, (_, i) => ({ atMs: i, bytes: 100 }));
    const lines = asciiTimeline(chunks, 15, 5);

    // Assert
    expect(lines).toHaveLength(2 + 12 + 1);
    expect(lines.at(-1)).toBe('  … and 3 more (300 B)');
  });
});

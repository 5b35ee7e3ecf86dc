/**
 * Reads the outline of a Markdown README: its H1, its H2 sections with their H3s and text, and
 * the links in a text. Headings inside fenced code blocks are not headings.
 */

/** An H2 section: its title, the H3 titles inside it and its text up to the next H2. */
export interface ReadmeSection {
  readonly title: string;
  readonly subsections: string[];
  readonly body: string;
}

/** A README's title (first H1) and H2 sections, in order. */
export interface ReadmeOutline {
  readonly title: string | undefined;
  readonly sections: ReadmeSection[];
}

/** A Markdown inline link. */
export interface MarkdownLink {
  readonly text: string;
  readonly href: string;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * Splits a README into its title and H2 sections.
 *
 * @param markdown - The README text.
 * @returns The outline.
 * @example
 * ```ts
 * readmeOutline('# Title\n## Next\n[A](../a/README.md)\n').sections[0]?.title; // 'Next'
 * ```
 */
export function readmeOutline(markdown: string): ReadmeOutline {
  let title: string | undefined;
  const sections: { title: string; subsections: string[]; lines: string[] }[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
    }
    const heading = fence === undefined && marker === undefined ? HEADING.exec(line) : null;
    const level = heading?.[1]?.length;
    const text = heading?.[2] ?? '';
    if (level === 1 && title === undefined) title = text;
    else if (level === 2) sections.push({ title: text, subsections: [], lines: [] });
    else if (level === 3) sections.at(-1)?.subsections.push(text);
    sections.at(-1)?.lines.push(line);
  }
  return {
    title,
    sections: sections.map((section) => ({
      title: section.title,
      subsections: section.subsections,
      body: section.lines.slice(1).join('\n').trim(),
    })),
  };
}

/**
 * The inline links of a Markdown text, in order (`[text](href)`, without nested brackets), with
 * line breaks in the text read as spaces.
 *
 * @param markdown - The text.
 * @returns The links.
 * @example
 * ```ts
 * markdownLinks('Go to [the list](../../README.md).'); // [{ text: 'the list', href: '../../README.md' }]
 * ```
 */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)].map((match) => ({
    // A line break inside the text is a space, as Markdown renders it.
    text: (match[1] ?? '').replace(/\s+/g, ' '),
    href: match[2] ?? '',
  }));
}

import { SaxesParser } from 'saxes';

/** An element of a parsed SVG document: its attributes, child elements and own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's direct text content, entities decoded. */
  text: string;
}

/**
 * Parses a document with saxes, a conforming XML parser, so a spec proves the SVG is
 * well-formed: anything malformed throws.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The element and all elements below it, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The elements whose class list holds `name`, in document order. */
export function withClass(root: XmlElement, name: string): XmlElement[] {
  return allElements(root).filter((e) => (e.attributes['class'] ?? '').split(/\s+/).includes(name));
}

/** The elements named `name` directly below `parent`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

/** The text of the first `<title>` directly below `parent`. */
export function titleOf(parent: XmlElement): string {
  return childrenNamed(parent, 'title')[0]?.text ?? '';
}

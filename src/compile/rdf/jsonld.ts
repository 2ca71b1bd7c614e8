/**
 * Compacted JSON-LD written straight from the graph model with the project
 * context's terms: no JSON-LD processing at build time beyond the safety check
 * (jsonld.js is slow on large inputs; it only proves the result in tests).
 */
import { compactToCurie, type PrefixMap } from './prefixes.js';
import type { RdfNode, RdfValue } from './graph.js';
import { type TermIndex, type ValueShape, valueShape } from './terms.js';

export type JsonObject = { [key: string]: unknown };

interface Renderer {
  terms: TermIndex;
  prefixes: PrefixMap;
  /** Terms written so far, to cut the context down for small documents. */
  used: Set<string>;
}

/**
 * A value as the term's coercion expects it; partial dates are the one shape whose
 * datatype varies by value (gYear, gYearMonth, date), so they carry it themselves.
 */
function renderValue(value: RdfValue, shape: ValueShape, renderer: Renderer): unknown {
  if (value.kind === 'iri') return value.iri;
  if (value.kind === 'node') return renderNode(value.node, renderer);
  if (value.native !== undefined) return value.native;
  if (shape.shape === 'partial-date' && value.datatype) {
    return { '@value': value.value, '@type': compactToCurie(value.datatype, renderer.prefixes) ?? value.datatype };
  }
  return value.value;
}

function renderNode(node: RdfNode, renderer: Renderer): JsonObject {
  const json: JsonObject = { '@id': node.iri };
  if (node.types.length > 0) json['@type'] = node.types.length === 1 ? node.types[0] : node.types;
  for (const statement of node.statements) {
    const term = renderer.terms.termFor(statement.predicate, statement.property);
    renderer.used.add(term);
    const shape = valueShape(statement.property);
    const values = statement.values.map((v) => renderValue(v, shape, renderer));
    const existing = json[term];
    if (existing !== undefined) json[term] = [...(Array.isArray(existing) ? existing : [existing]), ...values];
    else json[term] = statement.property.array ? values : values[0];
  }
  return json;
}

/** A node as compacted JSON-LD (structured objects embedded), and the terms it uses. */
export function compactNode(node: RdfNode, terms: TermIndex, prefixes: PrefixMap): { json: JsonObject; used: Set<string> } {
  const renderer: Renderer = { terms, prefixes, used: new Set() };
  return { json: renderNode(node, renderer), used: renderer.used };
}

/**
 * Plain-language names of records and properties, from the schemas: a record's
 * label is its kind's `x-label` property; a property's name is its own name in
 * words, with the schema's description beside it.
 */
import type { Catalog, EntityRecord } from '../../model/catalog.js';
import type { KindInfo, SchemaSet } from '../../schema/model.js';

const propertyLabels = new Map<string, string>();

/** `dateInForce` -> `Date in force`; `part_of` -> `Part of`. (Made once per name: every page asks for its fields' labels.) */
export function propertyLabel(name: string): string {
  let label = propertyLabels.get(name);
  if (label === undefined) {
    label = wordsOf(name);
    propertyLabels.set(name, label);
  }
  return label;
}

function wordsOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An enum code in words: `free-trade-agreement` -> `free trade agreement`. */
export function codeLabel(code: string): string {
  return code.replace(/-/g, ' ');
}

const SHORT_LABEL = 160;

/** Long labels (a quotation's text) are shortened for links (which then carry the whole as their title); the page shows them in full. */
export function shortLabel(label: string, max = SHORT_LABEL): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export class SiteLabels {
  /** Labels are asked for on every link to a record: each is made once. */
  private readonly labels = new Map<EntityRecord, string>();
  /** Per kind: whether its label property is a code (its pattern allows no space). */
  private readonly codeLabelled = new Map<KindInfo, boolean>();

  constructor(
    private readonly catalog: Catalog,
    private readonly schemas: SchemaSet,
  ) {}

  kindOf(record: EntityRecord): KindInfo | undefined {
    return this.schemas.byKind.get(record.kind);
  }

  /**
   * The record's label. A label property whose pattern allows no space is a code
   * (a paragraph's number), which reads as a name only with its kind: "Paragraph 5.1".
   */
  label(record: EntityRecord): string {
    let label = this.labels.get(record);
    if (label === undefined) {
      label = this.makeLabel(record);
      this.labels.set(record, label);
    }
    return label;
  }

  private makeLabel(record: EntityRecord): string {
    const kind = this.kindOf(record);
    if (!kind) return record.id;
    const value = record.fields[kind.labelProperty];
    // No label written (a section without a title): its kind and the last part of its id in words, never the raw id.
    if (typeof value !== 'string' && typeof value !== 'number') return `${kind.title}: ${wordsOf(record.id.split('/').pop() ?? record.id)}`;
    return this.isCodeLabelled(kind) ? `${kind.title} ${value}` : String(value);
  }

  private isCodeLabelled(kind: KindInfo): boolean {
    let code = this.codeLabelled.get(kind);
    if (code === undefined) {
      const property = kind.properties.find((p) => p.name === kind.labelProperty);
      code = property?.pattern !== undefined && !new RegExp(property.pattern).test('a b');
      this.codeLabelled.set(kind, code);
    }
    return code;
  }

  labelOfId(id: string): string {
    const record = this.catalog.byId.get(id);
    return record ? this.label(record) : id;
  }

  kindTitle(record: EntityRecord): string {
    return this.kindOf(record)?.title ?? record.kind;
  }

  /** A kind in the plural, for headings: its table's name in words (`agreements` -> `Agreements`), which the schemas already give. */
  kindPlural(kind: string): string {
    return wordsOf(this.schemas.byKind.get(kind)?.table ?? kind);
  }
}

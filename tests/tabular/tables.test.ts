import { describe, expect, it } from 'vitest';
import { buildSchemaSet, type JsonSchema, SchemaModelError } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { tableSpecs } from '../../src/compile/tabular/tables.js';

const columnsOf = async (name: string) => {
  const table = tableSpecs(await readSchemaSet()).find((t) => t.name === name);
  return table?.columns.map((c) => c.name);
};

describe('tableSpecs on the shipped schemas', () => {
  it('has one table per kind, then the list tables by name', async () => {
    const tables = tableSpecs(await readSchemaSet());
    expect(tables.filter((t) => t.shape === 'entity').map((t) => t.name)).toEqual([
      'agreements',
      'commitments',
      'countries',
      'datasets',
      'documents',
      'events',
      'organisations',
      'paragraphs',
      'partnerships',
      'people',
      'pillars',
      'posts',
      'quotations',
      'sections',
      'sources',
      'statistics',
    ]);
    expect(tables.filter((t) => t.shape === 'child').map((t) => t.name)).toEqual([
      'agreement_date_amended_claims',
      'agreement_date_in_force_claims',
      'agreement_date_signed_claims',
      'agreement_kind_claims',
      'agreement_party_claims',
      'agreement_status_claims',
      'commitment_status_claims',
      'partnership_announcements',
      'person_roles',
    ]);
    expect(tables.filter((t) => t.shape === 'list').map((t) => t.name)).toContain('record_sources');
  });

  it('orders columns as the schema does: id, iri, then scalar properties', async () => {
    expect(await columnsOf('paragraphs')).toEqual(['id', 'iri', 'number', 'text', 'pillar', 'part_of', 'position', 'note']);
    expect(await columnsOf('partnerships')).toEqual([
      'id',
      'iri',
      'name',
      'description',
      'announced_at',
      'joint_statement',
      'review_description',
      'review_paragraph',
      'note',
    ]);
  });

  it('names join columns after the referenced kind, or the role when several kinds may be referenced', async () => {
    expect(await columnsOf('paragraph_agreements')).toEqual(['paragraph_id', 'agreement_id', 'position']);
    expect(await columnsOf('event_participants')).toEqual(['event_id', 'participant_id', 'position']);
    expect(await columnsOf('dataset_keywords')).toEqual(['dataset_id', 'keyword', 'position']);
    expect(await columnsOf('record_sources')).toEqual(['record_id', 'record_kind', 'source_id', 'position']);
    expect(await columnsOf('person_role_sources')).toEqual(['person_id', 'role_position', 'source_id', 'position']);
  });

  it('publishes each claim as a row with its value, words and inference flag, and its sources in a table of their own', async () => {
    expect(await columnsOf('agreement_status_claims')).toEqual([
      'agreement_id',
      'position',
      'value',
      'date',
      'stated_as',
      'inferred',
      'note',
    ]);
    expect(await columnsOf('agreement_party_claims')).toEqual([
      'agreement_id',
      'position',
      'value',
      'date',
      'stated_as',
      'inferred',
      'note',
    ]);
    expect(await columnsOf('agreement_status_claim_sources')).toEqual(['agreement_id', 'status_position', 'source_id', 'position']);
    expect(await columnsOf('record_inferred_fields')).toEqual(['record_id', 'record_kind', 'inferred_field', 'position']);
  });
});

function schemaSet(properties: JsonSchema): ReturnType<typeof buildSchemaSet> {
  const thing = { 'x-kind': 'thing', 'x-table': 'things', type: 'object', properties: { id: { type: 'string' }, ...properties } };
  return buildSchemaSet(new Map([['thing.schema.json', thing]]));
}

describe('tableSpecs refuses schemas it cannot publish faithfully', () => {
  it('a list without x-table', () => {
    expect(() => tableSpecs(schemaSet({ tags: { type: 'array', items: { type: 'string' } } }))).toThrow(
      /thing\.tags is a list without an x-table/,
    );
  });

  it('two columns with one name', () => {
    const set = schemaSet({ reviewNote: { type: 'string' }, review: { type: 'object', properties: { note: { type: 'string' } } } });
    expect(() => tableSpecs(set)).toThrow(SchemaModelError);
  });

  it('a self-referencing list gets a role-named item column', () => {
    const set = schemaSet({ related: { type: 'array', items: { type: 'string', 'x-ref': ['thing'] }, 'x-table': 'thing_related' } });
    expect(
      tableSpecs(set)
        .find((t) => t.name === 'thing_related')
        ?.columns.map((c) => c.name),
    ).toEqual(['thing_id', 'related_id', 'position']);
  });
});

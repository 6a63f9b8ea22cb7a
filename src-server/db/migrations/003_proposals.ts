/** 003: 建议提案 items (one number per kind and session) and their timeline events. */
import type { Migration } from './types.ts';

export const migration003: Migration = {
  version: 3,
  name: 'proposals',
  async up(db) {
    const s = db.schema;
    await s.createTable('proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('session', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lead_unit', 'text')
      .addColumn('co_units', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('proposals_number', ['kind', 'session', 'number'])
      .execute();
    await s.createIndex('proposals_lead_unit').on('proposals').column('lead_unit').execute();
    await s.createTable('proposal_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('proposal_events_item').on('proposal_events').columns(['proposal_id', 'at']).execute();
  },
};

/** 002: meeting notices and the per-unit receipts (签收/回执), one row per (meeting, unit). */
import type { Migration } from './types.ts';

export const migration002: Migration = {
  version: 2,
  name: 'meetings',
  async up(db) {
    const s = db.schema;
    await s.createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organiser_unit', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('start_at', 'text', (c) => c.notNull())
      .addColumn('end_at', 'text', (c) => c.notNull())
      .addColumn('room_key', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('meetings_organiser').on('meetings').column('organiser_unit').execute();
    await s.createIndex('meetings_room_time').on('meetings').columns(['room_key', 'start_at']).execute();
    await s.createTable('meeting_receipts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('organiser_unit', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('meeting_receipts_meeting_unit', ['meeting_id', 'unit_code'])
      .execute();
    await s.createIndex('meeting_receipts_unit').on('meeting_receipts').column('unit_code').execute();
  },
};

import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** One numbered step of the schema. `up` runs inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  // Migrations run against the schema as it was at their time, so they take an untyped handle.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

// Column definitions that differ between the three databases.
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/** Auto-increment primary key: PostgreSQL wants `serial`, the others `integer … autoincrement`. */
export function idColumn(db: Kysely<any>): ['serial' | 'integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? ['serial', (c) => c.primaryKey()]
    : ['integer', (c) => c.primaryKey().autoIncrement()];
}

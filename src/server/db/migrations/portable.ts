// Column definitions that differ between the three databases.
import { type ColumnDefinitionBuilder, type Kysely, MysqlAdapter, PostgresAdapter } from 'kysely';

/** Auto-increment primary key: PostgreSQL wants `serial`, the others `integer … autoincrement`. */
export function idColumn(db: Kysely<any>): ['serial' | 'integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? ['serial', (c) => c.primaryKey()]
    : ['integer', (c) => c.primaryKey().autoIncrement()];
}

/** DROP INDEX: MySQL names the table, PostgreSQL and SQLite must not. */
export async function dropIndexOn(db: Kysely<any>, name: string, table: string): Promise<void> {
  const drop = db.schema.dropIndex(name);
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on(table) : drop).execute();
}

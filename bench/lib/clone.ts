/**
 * The structure of the generated agencies is the demo agency's, copied by set-based SQL: its
 * units, people (log-in names prefixed `tNNN.`, same password), role assignments, calendar,
 * legal documents, plans with their items and tasks, report templates, cycles and unit reports,
 * and their search entries. Rows the app wrote once are copied for each agency with every id
 * mapped to md5(agency number || old id), so references between copied rows stay whole.
 * Not copied: the audit chain (a fresh agency's chain is empty), sessions, notifications,
 * attachments (references to them are emptied) and plan imports.
 */
import type { Exec } from './sink';

/** Parents before children (foreign keys are checked per statement). */
export const CLONED_TABLES = [
  'units',
  'unit_successions',
  'users',
  'role_assignments',
  'calendar_years',
  'calendar_exceptions',
  'legal_documents',
  'plans',
  'plan_citations',
  'plan_recipients',
  'plan_sections',
  'plan_items',
  'plan_required_units',
  'tasks',
  'task_updates',
  'report_templates',
  'report_cycles',
  'unit_reports',
  'report_events',
  'agency_reports',
  'search_entries',
] as const;

export type CloneTarget = { idx: number; tenant_id: string; prefix: string; name: string; parent_name: string | null };

const UUID_RE = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

function columnExpr(table: string, col: { name: string; type: string }): string {
  const c = `s.${JSON.stringify(col.name)}`;
  const remap = (v: string) => `md5(g.idx::text || ${v}::text)::uuid`;
  if (col.name === 'tenant_id') return 'g.tenant_id';
  if (table === 'users' && col.name === 'username') return `g.prefix || ${c}`;
  if (table === 'users' && col.name === 'email') return 'null';
  if (table === 'plans' && col.name === 'issuer') return 'g.name';
  if (table === 'plans' && col.name === 'issuer_parent') return 'g.parent_name';
  if (table === 'search_entries' && col.name === 'entity_id') return `case when ${c} ~ ${UUID_RE} then ${remap(c)}::text else ${c} end`;
  if (table === 'search_entries' && col.name === 'link')
    return `case when s.entity_id ~ ${UUID_RE} then replace(${c}, s.entity_id, ${remap('s.entity_id')}::text) else ${c} end`;
  if (col.type === 'uuid') return remap(c);
  if (col.type === '_uuid') {
    if (col.name === 'attachment_ids') return `'{}'::uuid[]`;
    return `array(select ${remap('x')} from unnest(${c}) x)`;
  }
  return c;
}

/** Copy the demo agency's structure into each target agency (already in `tenants`). */
export async function cloneStructure(exec: Exec, demoTenantId: string, targets: CloneTarget[]): Promise<void> {
  if (!targets.length) return;
  const json = JSON.stringify(targets);
  for (const table of CLONED_TABLES) {
    const { rows } = await exec(
      `select column_name as name, udt_name as type from information_schema.columns
        where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
      [table],
    );
    if (!rows.length) continue; // a table a later restructuring removed
    const cols = rows as { name: string; type: string }[];
    const names = cols.map((c) => JSON.stringify(c.name)).join(', ');
    const exprs = cols.map((c) => columnExpr(table, c)).join(', ');
    await exec(
      `insert into ${table} (${names})
       select ${exprs}
         from ${table} s
        cross join json_to_recordset($1::json) as g(idx int, tenant_id uuid, prefix text, name text, parent_name text)
        where s.tenant_id = $2::uuid`,
      [json, demoTenantId],
    );
  }
}

import { Buffer } from 'node:buffer';
import http from 'node:http';
import { URL } from 'node:url';
import pg from 'pg';

/**
 * The yardstick of `npm run bench`: a plain node:http + pg process answering the coordinator's
 * expert page and order list with one hand-written statement each, the JSON assembled by
 * json_agg in PostgreSQL, no GraphQL, no ORM, no authentication. Its bodies must be the same
 * bytes as the platform's for the same data (run.ts compares them before measuring). The
 * expert page writes its audit entries in the same statement, as the platform must.
 *
 * POST /experts?regionId=..&first=..  and  POST /orders?regionId=..&first=..
 * Env: DATABASE_URL, PORT (0: any), ACTOR (the audit's actor id). Prints `listening <port>`.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const actor = process.env.ACTOR ?? 'bench';

const DATE_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const EXPERT_PAGE = `
with page as (
  select e.id, e.region_id, e.display_name, e.topic_ids, e.email, e.phone
    from expert e where e.region_id = $1 order by e.display_name, e.id limit $2
), audit as (
  insert into audit_entry (id, region_id, at, actor_id, "grant", action, subject_type, subject_id, fields, operation)
  select gen_random_uuid(), p.region_id, now(), $3, 'COORDINATOR', 'READ', 'expert', p.id, '{contact}', 'BenchExpertPage'
    from page p where p.email is not null or p.phone is not null
)
select json_build_object('data', json_build_object('experts', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', p.id,
  'displayName', p.display_name,
  'topics', (select coalesce(json_agg(json_build_object('id', t.id) order by t.n), '[]')
               from unnest(p.topic_ids) with ordinality t(id, n)),
  'currentContract', (select json_build_object('validFrom', c.valid_from, 'validTo', c.valid_to)
                        from expert_contract c
                       where c.expert_id = p.id and (now() at time zone 'Europe/Helsinki')::date between c.valid_from and c.valid_to
                       order by c.valid_from desc, c.id limit 1),
  'trainings', (select coalesce(json_agg(json_build_object('name', t.name, 'hours', t.hours, 'completedOn', t.completed_on)
                                         order by t.completed_on, t.id), '[]')
                  from expert_training t where t.expert_id = p.id),
  'contact', case when p.email is null and p.phone is null then null
                  else json_build_object('email', p.email, 'phone', p.phone) end
) order by p.display_name, p.id), '[]')))) as body
from page p`;

const ORDER_LIST = `
with page as (
  select o.id, o.status, o.kind, o.title, o.created_at, o.unit_id, o.task_type_id
    from work_order o where o.region_id = $1 order by o.created_at desc, o.id desc limit $2
)
select json_build_object('data', json_build_object('orders', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', p.id,
  'status', p.status,
  'kind', p.kind,
  'title', p.title,
  'createdAt', to_char(p.created_at at time zone 'UTC', ${DATE_TIME}),
  'unit', (select json_build_object('name', u.name) from unit u where u.id = p.unit_id),
  'taskType', json_build_object('id', p.task_type_id),
  'sessions', (select coalesce(json_agg(json_build_object(
                 'startsAt', to_char(s.starts_at at time zone 'UTC', ${DATE_TIME}),
                 'endsAt', to_char(s.ends_at at time zone 'UTC', ${DATE_TIME}),
                 'status', s.status) order by s.starts_at, s.id), '[]')
                 from order_session s where s.order_id = p.id)
) order by p.created_at desc, p.id desc), '[]')))) as body
from page p`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://baseline');
  req.resume();
  req.once('end', () => {
    const regionId = url.searchParams.get('regionId');
    const first = Number(url.searchParams.get('first') ?? 20);
    const query =
      url.pathname === '/experts'
        ? { text: EXPERT_PAGE, values: [regionId, first, actor] }
        : url.pathname === '/orders'
          ? { text: ORDER_LIST, values: [regionId, first] }
          : undefined;
    if (!query) {
      res.writeHead(404).end();
      return;
    }
    pool.query(query).then(
      (result) => {
        // Apollo ends its JSON bodies with a line break; so does this one, to be byte for byte the same.
        const body = `${JSON.stringify(result.rows[0].body)}\n`;
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

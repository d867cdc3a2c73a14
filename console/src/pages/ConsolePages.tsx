import { Link } from 'react-aria-components';
import { useSession } from '../auth';
import { firstRegion } from './forms';
import { usePoolMessages } from './pool.messages';
import { MONTH_ROLES, MonthPages } from './Month';
import { useMonthMessages } from './month.messages';
import { PoolPages } from './Pool';
import { WORK_ROLES, WorkPages } from './Work';
import { useWorkMessages } from './work.messages';

/** The pool, work and month pages under /console/<page>/<regionId>[/...]. */
type PageName = 'pool' | 'orders' | 'month';

export function matchConsolePage(rest: string): { page: PageName; regionId: string; rest: string } | null {
  const match = /^(pool|orders|month)\/([a-z0-9-]+)(?:\/(.*))?$/.exec(rest);
  if (!match) return null;
  return { page: match[1] as PageName, regionId: match[2]!, rest: match[3] ?? '' };
}

export function ConsolePage({ page, regionId, rest }: NonNullable<ReturnType<typeof matchConsolePage>>) {
  switch (page) {
    case 'pool':
      return <PoolPages regionId={regionId} rest={rest} />;
    case 'orders':
      return <WorkPages regionId={regionId} rest={rest} />;
    case 'month':
      return rest ? null : <MonthPages regionId={regionId} />;
  }
}

/** Navigation items for the pages the signed-in person may use, each in their first region that allows it. */
export function ConsolePagesNav() {
  const { session } = useSession();
  const pool = usePoolMessages();
  const work = useWorkMessages();
  const month = useMonthMessages();
  const links = [
    { roles: ['COORDINATOR'], href: (r: string) => `/console/pool/${r}`, label: pool.navPool },
    { roles: WORK_ROLES, href: (r: string) => `/console/orders/${r}`, label: work.navWork },
    { roles: MONTH_ROLES, href: (r: string) => `/console/month/${r}`, label: month.navMonth },
    { roles: ['REGION_ADMIN'], href: (r: string) => `/console/pool/${r}/audit`, label: pool.navAudit },
  ];
  return (
    <>
      {links.map((link) => {
        const regionId = firstRegion(session, link.roles);
        return regionId ? (
          <li key={link.label}>
            <Link href={link.href(regionId)}>{link.label}</Link>
          </li>
        ) : null;
      })}
    </>
  );
}

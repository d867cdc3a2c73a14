import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, RouterProvider, ToggleButton, ToggleButtonGroup, Button } from 'react-aria-components';
import { execute } from './api';
import { loadConfig, SessionContext, userManager, type ConsoleConfig, type Session } from './auth';
import { graphql } from './gql';
import { I18nContext, LANGUAGE_NAMES, LOCALES, MESSAGES, type Locale } from './i18n';
import { usePath } from './router';
import { SignInPage } from './pages/SignIn';
import { RegionListPage, RegionRulesPage } from './pages/RegionRules';
import { matchPath, mayOpen, type Audience } from './access';
import { APP_MESSAGES } from './app.messages';
import { MetricsPage } from './pages/Metrics';
import { METRICS_MESSAGES } from './pages/metrics.messages';
import { ConsolePage as RegionWorkPage, ConsolePagesNav } from './pages/ConsolePages';

/** A page of the console: where it lives, who may open it, its menu entry (if any) and what it shows. */
interface ConsolePage {
  /** Path under /console/, with :parameters, e.g. `regions/:regionId`. */
  path: string;
  audience: Audience;
  menu?: (locale: Locale) => string;
  render: (params: Record<string, string>) => ReactNode;
}

/** Every page, in menu order; the menu shows a signed-in person only the pages their roles open. */
const PAGES: ConsolePage[] = [
  { path: 'regions', audience: 'anyone', menu: (l) => MESSAGES[l].navRegions, render: () => <RegionListPage /> },
  { path: 'regions/:regionId', audience: 'anyone', render: (p) => <RegionRulesPage regionId={p.regionId!} /> },
  {
    path: 'metrics',
    audience: ['ANALYST', 'NATIONAL_ANALYST'],
    menu: (l) => METRICS_MESSAGES[l].nav,
    render: () => <MetricsPage />,
  },
  // The pool, work and month pages check the role in the region of their path themselves, and
  // their menu entries lead to the first region where the person holds it (ConsolePagesNav).
  ...(['pool', 'orders', 'month'] as const).map((name): ConsolePage => ({
    path: `${name}/:regionId/*`,
    audience: 'anyone',
    render: (p) => <RegionWorkPage page={name} regionId={p.regionId!} rest={p['*'] ?? ''} />,
  })),
];

const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      id
      name
      grants {
        role
        regionId
        unitId
      }
    }
  }
`);

function initialLocale(): Locale {
  const asked = navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : 'fi';
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session | null>(null);
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [path, navigate] = usePath();
  const t = MESSAGES[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const signIn = useCallback(async (token: string) => {
    const { viewer } = await execute(ViewerQuery, {}, token);
    if (!viewer) throw new Error('the token names nobody');
    setSession({ token, name: viewer.name ?? viewer.id, grants: viewer.grants });
  }, []);

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        // Back from the identity provider: exchange the code (PKCE) and keep the token in memory.
        if (loaded.oidc && window.location.pathname === '/console/callback') {
          const user = await userManager(loaded.oidc).signinRedirectCallback();
          await signIn(user.access_token);
          navigate('/console/');
        }
      })
      .catch(() => setConfig({ devSignIn: false, oidc: null }));
  }, [navigate, signIn]);

  const sessionValue = useMemo(
    () => ({ session, config, signIn, signOut: () => setSession(null) }),
    [session, config, signIn],
  );

  const page = route(path);
  return (
    <I18nContext.Provider value={{ locale, t, setLocale }}>
      <SessionContext.Provider value={sessionValue}>
        <RouterProvider navigate={navigate}>
          <a className="skip" href="#main">
            {t.skipToContent}
          </a>
          <header className="top">
            <Link href="/console/" className="brand">
              {t.appName}
            </Link>
            <nav aria-label={t.nav}>
              <ul>
                {PAGES.filter((p) => p.menu && mayOpen(session, p.audience)).map((p) => (
                  <li key={p.path}>
                    <Link
                      href={`/console/${p.path}`}
                      aria-current={page.name === 'page' && page.page === p ? 'page' : undefined}
                    >
                      {p.menu!(locale)}
                    </Link>
                  </li>
                ))}
                <ConsolePagesNav />
              </ul>
            </nav>
            <ToggleButtonGroup
              aria-label={t.language}
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[locale]}
              onSelectionChange={(keys) => {
                const next = [...keys][0];
                if (typeof next === 'string') setLocale(next as Locale);
              }}
              className="locales"
            >
              {LOCALES.map((code) => (
                <ToggleButton key={code} id={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <div className="who">
              {session ? (
                <>
                  <span>
                    {t.signedInAs}: {session.name}
                  </span>
                  <Button onPress={() => setSession(null)}>{t.signOut}</Button>
                </>
              ) : (
                <Link href="/console/sign-in">{t.signIn}</Link>
              )}
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {page.name === 'home' && <Home />}
            {page.name === 'sign-in' && <SignInPage onSignedIn={() => navigate('/console/')} />}
            {page.name === 'page' &&
              (mayOpen(session, page.page.audience) ? (
                page.page.render(page.params)
              ) : session ? (
                <p role="alert">{APP_MESSAGES[locale].notAllowed}</p>
              ) : (
                <p>
                  <Link href="/console/sign-in">{APP_MESSAGES[locale].signInToOpen}</Link>
                </p>
              ))}
            {page.name === 'not-found' && <p>{t.notFound}</p>}
          </main>
        </RouterProvider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}

type Route =
  { name: 'home' | 'sign-in' | 'not-found' } | { name: 'page'; page: ConsolePage; params: Record<string, string> };

function route(path: string): Route {
  const rest = path.replace(/^\/console\/?/, '').replace(/\/$/, '');
  if (rest === '' || rest === 'callback') return { name: 'home' };
  if (rest === 'sign-in') return { name: 'sign-in' };
  for (const page of PAGES) {
    const params = matchPath(page.path, rest);
    if (params) return { name: 'page', page, params };
  }
  return { name: 'not-found' };
}

function Home() {
  return (
    <I18nContext.Consumer>
      {({ t }) => (
        <>
          <h1>{t.appName}</h1>
          <p>{t.welcome}</p>
          <RegionListPage headingLevel={2} />
        </>
      )}
    </I18nContext.Consumer>
  );
}

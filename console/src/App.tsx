import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, RouterProvider, ToggleButton, ToggleButtonGroup, Button } from 'react-aria-components';
import { execute } from './api';
import { loadConfig, SessionContext, userManager, type ConsoleConfig, type Session } from './auth';
import { graphql } from './gql';
import { I18nContext, LANGUAGE_NAMES, LOCALES, MESSAGES, type Locale } from './i18n';
import { usePath } from './router';
import { SignInPage } from './pages/SignIn';
import { RegionListPage, RegionRulesPage } from './pages/RegionRules';
import { ConsolePage, ConsolePagesNav, matchConsolePage } from './pages/ConsolePages';

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
                <li>
                  <Link href="/console/regions">{t.navRegions}</Link>
                </li>
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
            {page.name === 'regions' && <RegionListPage />}
            {page.name === 'region' && <RegionRulesPage regionId={page.regionId} />}
            {page.name === 'page' && <ConsolePage {...page.match} />}
            {page.name === 'not-found' && <p>{t.notFound}</p>}
          </main>
        </RouterProvider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}

type Route =
  | { name: 'home' | 'sign-in' | 'regions' | 'not-found' }
  | { name: 'region'; regionId: string }
  | { name: 'page'; match: NonNullable<ReturnType<typeof matchConsolePage>> };

function route(path: string): Route {
  const rest = path.replace(/^\/console\/?/, '').replace(/\/$/, '');
  if (rest === '' || rest === 'callback') return { name: 'home' };
  if (rest === 'sign-in') return { name: 'sign-in' };
  if (rest === 'regions') return { name: 'regions' };
  const region = /^regions\/([a-z0-9-]+)$/.exec(rest);
  if (region) return { name: 'region', regionId: region[1]! };
  const match = matchConsolePage(rest);
  if (match) return { name: 'page', match };
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

import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { devToken, loadDemoPeople, userManager, useSession, type DemoPerson } from '../auth';
import { useI18n } from '../i18n';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const { config, signIn } = useSession();
  const [people, setPeople] = useState<DemoPerson[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (config?.devSignIn) loadDemoPeople().then(setPeople, () => setPeople([]));
  }, [config]);

  const choose = async (person: DemoPerson) => {
    try {
      await signIn(await devToken(person.id));
      onSignedIn();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  const regions = [...new Set(people.map((p) => p.regionId))];
  return (
    <>
      <h1>{t.signInTitle}</h1>
      {error && <p role="alert">{error}</p>}
      {config?.oidc && (
        <Button onPress={() => void userManager(config.oidc!).signinRedirect()}>{t.signInWithProvider}</Button>
      )}
      {config?.devSignIn && (
        <>
          <p>{t.devSignInIntro}</p>
          {regions.map((regionId) => (
            <section key={regionId} aria-labelledby={`people-${regionId}`}>
              <h2 id={`people-${regionId}`}>{regionId}</h2>
              <ul className="people">
                {people
                  .filter((p) => p.regionId === regionId)
                  .map((person) => (
                    <li key={person.id}>
                      {/* The name comes from the visible text, so it holds that text in order (WCAG 2.5.3). */}
                      <Button onPress={() => void choose(person)} data-person={person.id}>
                        <span className="visually-hidden">{t.signInAsPerson} </span>
                        <strong>{person.name}</strong>, <span>{t.roles[person.role] ?? person.role}</span>
                        {person.unitName && (
                          <>
                            , <span className="unit">{person.unitName}</span>
                          </>
                        )}
                        <span className="visually-hidden">, {regionId}</span>
                      </Button>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
      {config && !config.devSignIn && !config.oidc && <p>{t.noSignIn}</p>}
    </>
  );
}

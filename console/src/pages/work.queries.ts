import { graphql } from '../gql';
import type { Locale } from '../i18n';

export const WorkRegionQuery = graphql(`
  query ConsoleWorkRegion($id: ID!, $locale: String) {
    region(id: $id) {
      id
      name(locale: $locale)
      timeZone
      work {
        unitOrientationRequired
      }
      taskTypes {
        id
        label(locale: $locale)
      }
      topics {
        id
        label(locale: $locale)
      }
    }
  }
`);

export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

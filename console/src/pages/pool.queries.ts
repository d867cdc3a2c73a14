import { graphql } from '../gql';

/** The region's lists the pool pages choose from, in the console's language. */

export const PoolRegionQuery = graphql(`
  query ConsolePoolRegion($id: ID!, $locale: String) {
    region(id: $id) {
      id
      name(locale: $locale)
      locales
      topics {
        id
        label(locale: $locale)
      }
      taskTypes {
        id
        label(locale: $locale)
      }
      onboardingSteps {
        id
        label(locale: $locale)
        panel
      }
      coordinatorRoles {
        id
        label(locale: $locale)
      }
    }
  }
`);

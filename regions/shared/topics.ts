/**
 * Topics of experience listed in the pair-model guide (001). Regions pick from these and may add
 * their own. Topics reveal health and criminal history, so the platform shows an expert's topics
 * only with consent; the list itself is not sensitive.
 */
import type { RegionConfigInput } from '../../src/region/region-config';

type Topic = RegionConfigInput['topics'][number];

export const topics = {
  homelessness: {
    id: 'homelessness',
    label: {
      fi: 'Asunnottomuus tai sen ennaltaehkäisy',
      sv: 'Bostadslöshet eller förebyggande av bostadslöshet',
      en: 'Homelessness or its prevention',
    },
  },
  financesAndDebt: {
    id: 'finances-and-debt',
    label: { fi: 'Talous- ja velka-asiat', sv: 'Ekonomi och skulder', en: 'Finances and debt' },
  },
  addictions: {
    id: 'addictions',
    label: {
      fi: 'Riippuvuudet (kuten päihde- ja peliriippuvuus)',
      sv: 'Beroenden (till exempel rusmedels- och spelberoende)',
      en: 'Addictions (such as substances and gambling)',
    },
  },
  crime: {
    id: 'crime',
    label: { fi: 'Rikollisuus', sv: 'Brottslighet', en: 'Crime' },
  },
  mentalHealth: {
    id: 'mental-health',
    label: {
      fi: 'Mielenterveyden haasteet ja neuropsykologiset haasteet',
      sv: 'Psykisk ohälsa och neuropsykologiska svårigheter',
      en: 'Mental health and neuropsychological challenges',
    },
  },
  becomingIndependent: {
    id: 'becoming-independent',
    label: { fi: 'Itsenäistyminen', sv: 'Att bli självständig', en: 'Becoming independent' },
  },
  learningDifficulties: {
    id: 'learning-difficulties',
    label: { fi: 'Oppimisvaikeudet', sv: 'Inlärningssvårigheter', en: 'Learning difficulties' },
  },
  closeRelative: {
    id: 'close-relative',
    label: { fi: 'Läheisen kokemus', sv: 'Erfarenhet som anhörig', en: 'Experience as a close relative' },
  },
  childProtection: {
    id: 'child-protection',
    label: { fi: 'Lastensuojelu', sv: 'Barnskydd', en: 'Child protection' },
  },
  housingSkills: {
    id: 'housing-skills',
    label: { fi: 'Asumisen taidot', sv: 'Boendefärdigheter', en: 'Housing skills' },
  },
} satisfies Record<string, Topic>;

/** All ten topics of 001 in the order of the source. */
export const allTopics: readonly Topic[] = Object.values(topics);

/**
 * 003 §1 widens the list for a county: experience of an illness, a disability, or of being a
 * client of a service, one's own or as a close relative.
 */
export const countyTopics = {
  illness: {
    id: 'illness',
    label: { fi: 'Sairastuminen tai sairaus', sv: 'Insjuknande eller sjukdom', en: 'Illness' },
  },
  disability: {
    id: 'disability',
    label: { fi: 'Vammaisuus', sv: 'Funktionsnedsättning', en: 'Disability' },
  },
  serviceClient: {
    id: 'service-client',
    label: { fi: 'Palvelujen asiakkuus', sv: 'Att vara klient i tjänsterna', en: 'Being a client of a service' },
  },
} satisfies Record<string, Topic>;

/** The topic with `emphasized: true`, for regions that stress it. */
export function emphasized(topic: Topic): Topic {
  return { ...topic, emphasized: true };
}

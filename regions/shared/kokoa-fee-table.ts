/**
 * Kokoa ry's recommended fees for experience experts (001, "Kokoa ry:n palkkiosuositukset"),
 * in cents per hour.
 *
 * Tax class (Kokoa ry / Tax Administration): under a commission contract, meeting fees
 * (kokouspalkkio) and personal lecture fees (luento- ja esitelmäpalkkio) are salary; other fees
 * are work compensation (työkorvaus). Payroll reports the two apart, so each row carries its class:
 * - SALARY: meeting, demanding meeting, working group (fees for sitting in a working group are
 *   meeting fees), seminars/panels/talks/lectures and the demanding event (the expert speaks in
 *   person: a lecture fee at the higher rate).
 * - WORK_COMPENSATION: preparation, group guidance, client meetings and support-person work,
 *   observation/interview/audit.
 * Where a county's payroll reads a row differently, a revision can change its taxClass.
 */
import type { RegionConfigInput } from '../../src/region/region-config';

type FeeRow = RegionConfigInput['feeTable']['rows'][number];

/** Category ids of the Kokoa rows; task types refer to these. */
export const KOKOA = {
  preparation: 'preparation',
  groupGuidance: 'group-guidance',
  clientMeeting: 'client-meeting',
  meeting: 'meeting',
  demandingMeeting: 'demanding-meeting',
  workingGroup: 'working-group',
  lecture: 'lecture',
  demandingEvent: 'demanding-event',
  observation: 'observation-interview-audit',
} as const;

export const kokoaFeeRows: readonly FeeRow[] = [
  {
    category: KOKOA.preparation,
    label: { fi: 'Valmistelutyö', sv: 'Förberedande arbete', en: 'Preparation' },
    hourlyRateCents: 2500,
    taxClass: 'WORK_COMPENSATION',
  },
  {
    category: KOKOA.groupGuidance,
    label: { fi: 'Ryhmänohjaus', sv: 'Gruppledning', en: 'Group guidance' },
    hourlyRateCents: 3000,
    taxClass: 'WORK_COMPENSATION',
  },
  {
    category: KOKOA.clientMeeting,
    label: {
      fi: 'Asiakastapaamiset ja tukihenkilötoiminta',
      sv: 'Klientmöten och stödpersonsverksamhet',
      en: 'Client meetings and support-person work',
    },
    hourlyRateCents: 3000,
    taxClass: 'WORK_COMPENSATION',
  },
  {
    category: KOKOA.meeting,
    label: { fi: 'Kokous', sv: 'Möte', en: 'Meeting' },
    hourlyRateCents: 4000,
    taxClass: 'SALARY',
  },
  {
    category: KOKOA.demandingMeeting,
    label: { fi: 'Vaativampi kokous', sv: 'Mer krävande möte', en: 'Demanding meeting' },
    hourlyRateCents: 7000,
    taxClass: 'SALARY',
  },
  {
    category: KOKOA.workingGroup,
    label: { fi: 'Työryhmätyöskentely', sv: 'Arbete i arbetsgrupp', en: 'Working group' },
    hourlyRateCents: 4000,
    taxClass: 'SALARY',
  },
  {
    category: KOKOA.lecture,
    label: {
      fi: 'Seminaarit, paneelit, alustukset, luennot',
      sv: 'Seminarier, paneler, inledningsanföranden, föreläsningar',
      en: 'Seminars, panels, talks, lectures',
    },
    hourlyRateCents: 5000,
    taxClass: 'SALARY',
  },
  {
    category: KOKOA.demandingEvent,
    label: { fi: 'Vaativampi tilaisuus', sv: 'Mer krävande evenemang', en: 'Demanding event' },
    hourlyRateCents: 10000,
    taxClass: 'SALARY',
  },
  {
    category: KOKOA.observation,
    label: {
      fi: 'Havainnointi, haastattelu, auditointi',
      sv: 'Observation, intervju, auditering',
      en: 'Observation, interview, audit',
    },
    hourlyRateCents: 3000,
    taxClass: 'WORK_COMPENSATION',
  },
];

/** Kokoa ry recommends expert training of at least 50 hours over 4 months (001). */
export const kokoaTrainingRecommendation: NonNullable<RegionConfigInput['recommendedTraining']> = {
  minimumHours: 50,
  overMonths: 4,
  description: {
    fi: 'Kokemusasiantuntijakoulutus Kokoa ry:n suosituksen mukaan: vähintään 50 tuntia neljän kuukauden aikana.',
    sv: 'Utbildning för erfarenhetsexperter enligt Kokoa ry:s rekommendation: minst 50 timmar under fyra månader.',
    en: 'Experience expert training as recommended by Kokoa ry: at least 50 hours over four months.',
  },
};

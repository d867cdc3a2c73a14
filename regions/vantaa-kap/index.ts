/**
 * Vantaa KAP: the experience expert bank run by the KAP project together with the city of
 * Vantaa (seeds 001 and 002, and the bank's public order form summarised in DOMAIN.md).
 * 002 never names the bank: modelling its practice here is our assumption. Everything taken from
 * the order form (task types, packages, the 24-hour cancellation) lies beyond the seeds and is
 * marked as a default.
 * Professionals order from the bank for tasks the city defines; the bank holds the contracts,
 * pays the fees and supports the experts' growth and wellbeing.
 */
import { defineRegion } from '../define-region';
import { clientQuestions, expertQuestions, feedbackToExpert, professionalQuestions } from '../shared/feedback';
import { KOKOA, kokoaFeeRows, kokoaTrainingRecommendation } from '../shared/kokoa-fee-table';
import { allTopics, emphasized, topics } from '../shared/topics';

const GROUP_GUIDANCE_PACKAGE = 'group-guidance-package';

export default defineRegion({
  id: 'vantaa-kap',
  name: {
    fi: 'Vantaan kokemusasiantuntijapankki (KAP)',
    sv: 'Vanda erfarenhetsexpertbank (KAP)',
    en: 'Vantaa experience expert bank (KAP)',
  },
  // Default: not stated in the sources. Vantaa is a bilingual city (Finnish and Swedish).
  locales: ['fi', 'sv'],
  timeZone: 'Europe/Helsinki',
  orderingModel: 'BANK_MATCHES',
  coordinatorRoles: [
    {
      id: 'bank-coordinator',
      label: { fi: 'Kokemusasiantuntijapankin koordinaattori', sv: 'Erfarenhetsexpertbankens koordinator' },
      scope: 'REGION',
    },
  ],
  // 002: the bank's work stresses mental health and substance use.
  topics: allTopics.map((topic) =>
    topic.id === topics.mentalHealth.id || topic.id === topics.addictions.id ? emphasized(topic) : topic,
  ),
  // Default: not stated in the sources. The task types of the bank's public order form.
  taskTypes: [
    {
      id: 'client-meeting',
      label: { fi: 'Asiakastapaaminen', sv: 'Klientmöte' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
    },
    {
      id: 'lecture-training',
      label: { fi: 'Luennointi ja kouluttaminen', sv: 'Föreläsning och utbildning' },
      feeCategory: KOKOA.lecture,
      paid: true,
    },
    {
      id: 'network-work',
      label: { fi: 'Moniammatillinen verkostotyö', sv: 'Multiprofessionellt nätverksarbete' },
      feeCategory: KOKOA.meeting,
      paid: true,
    },
    {
      id: 'own-story',
      label: { fi: 'Oman tarinan kertominen', sv: 'Att berätta sin egen historia' },
      feeCategory: KOKOA.lecture,
      paid: true,
    },
    {
      id: 'service-development',
      label: { fi: 'Palvelujen kehittäminen ja suunnittelu', sv: 'Utveckling och planering av tjänster' },
      feeCategory: KOKOA.workingGroup,
      paid: true,
    },
    {
      id: 'service-guidance',
      label: { fi: 'Palveluohjaus', sv: 'Servicehandledning' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
    },
    {
      // Ordered by the hour or as the package that includes the planning hour.
      id: 'group-guidance',
      label: { fi: 'Ryhmänohjaus ja ryhmän suunnittelu', sv: 'Gruppledning och planering av grupp' },
      feeCategory: KOKOA.groupGuidance,
      paid: true,
      packageIds: [GROUP_GUIDANCE_PACKAGE],
    },
    {
      id: 'social-reporting',
      label: { fi: 'Sosiaalinen raportointi', sv: 'Social rapportering' },
      feeCategory: KOKOA.observation,
      paid: true,
    },
    {
      id: 'working-group',
      label: { fi: 'Työryhmätyöskentely', sv: 'Arbete i arbetsgrupp' },
      feeCategory: KOKOA.workingGroup,
      paid: true,
    },
  ],
  feeTable: {
    // Default: not stated in the sources (the date from which these rates apply).
    effectiveFrom: '2026-01-01',
    // Default: not stated in the sources. The order form: the bank follows the Kokoa ry
    // recommendations and sells packages built on them.
    rows: [...kokoaFeeRows],
    packages: [
      {
        id: GROUP_GUIDANCE_PACKAGE,
        label: {
          fi: 'Ryhmänohjauspaketti (sisältää tunnin suunnittelua)',
          sv: 'Gruppledningspaket (inkluderar en timme planering)',
        },
        priceCents: 5000,
        includes: [{ category: KOKOA.preparation, minutes: 60, amountCents: 2500 }],
      },
    ],
  },
  cancellationPolicy: {
    // Default: not stated in the sources. The order form: the orderer may cancel 24 hours before
    // the agreed time; later cancellations and a client's no-show are paid; moving by agreement.
    deadline: { kind: 'HOURS_BEFORE', hours: 24 },
    description: {
      fi: 'Tilaaja voi peruuttaa tehtävän viimeistään 24 tuntia ennen sovittua aikaa. Myöhemmin peruutetusta tehtävästä maksetaan palkkio. Tehtävän voi siirtää uuteen ajankohtaan sopimalla. Jos asiakas ei saavu, palkkio maksetaan.',
      sv: 'Beställaren kan avboka uppdraget senast 24 timmar före den överenskomna tiden. Vid senare avbokning betalas arvodet. Uppdraget kan flyttas till en ny tidpunkt enligt överenskommelse. Om klienten inte kommer betalas arvodet.',
    },
    latePaid: true,
    noShowPaid: true,
    // Default: not stated in the sources; as in Itä-Uusimaa, no fee when the expert is ill.
    expertIllnessPaid: false,
    // Default: not stated in the sources; an empty group is treated like a client no-show, and a
    // group ended for a compelling or agreed reason is not paid, as in Itä-Uusimaa.
    emptyGroupPaid: true,
    groupEndedPaid: false,
    rescheduleByAgreement: true,
  },
  // Default: not stated in the sources; the bank pays monthly in arrears like Itä-Uusimaa (003 §6.3).
  payoutSchedule: { noticeDueDay: 9, paymentDay: 'LAST_DAY', paymentMonthOffset: 1 },
  travel: {
    // Default: not stated in the sources.
    rule: 'AGREED_IN_ADVANCE',
    description: {
      fi: 'Matkakuluista sovitaan tilauksen yhteydessä etukäteen.',
      sv: 'Resekostnader avtalas i förväg i samband med beställningen.',
    },
  },
  // Default: not stated in the sources beyond this: the bank trains its experts (001 KAP) and
  // makes their contracts (002).
  onboardingSteps: [
    {
      id: 'training',
      label: { fi: 'Kokemusasiantuntijakoulutus', sv: 'Utbildning för erfarenhetsexperter' },
    },
    {
      id: 'interview',
      label: { fi: 'Haastattelu', sv: 'Intervju' },
      panel: ['bank-coordinator'],
    },
    {
      id: 'contract',
      label: { fi: 'Toimeksiantosopimus pankin kanssa ja verokortti', sv: 'Uppdragsavtal med banken och skattekort' },
      panel: ['bank-coordinator'],
    },
  ],
  // Default: not stated in the sources how long the bank's own training is; Kokoa's minimum.
  recommendedTraining: kokoaTrainingRecommendation,
  feedbackQuestions: {
    EXPERT: expertQuestions,
    CLIENT: clientQuestions,
    // 002: good feedback from professionals matters for the experts' recovery, so it reaches them.
    PROFESSIONAL: [...professionalQuestions, feedbackToExpert],
  },
  // Default: not stated in the sources. The order form is for Vantaa's social and health staff,
  // so the bank's experts work where those services are. (002's co-development objects, such as
  // service-need assessment, the mental health and substance path, social rehabilitation and
  // digital tools, are projects the experts took part in, not places where work is ordered.)
  serviceInterfaces: [
    {
      id: 'mental-health-substance',
      label: { fi: 'Mielenterveys- ja päihdepalvelut', sv: 'Mentalvårds- och missbrukartjänster' },
    },
    { id: 'adult-social-work', label: { fi: 'Aikuissosiaalityö', sv: 'Socialt arbete för vuxna' } },
    { id: 'family-services', label: { fi: 'Perhepalvelut', sv: 'Familjetjänster' } },
    { id: 'health-services', label: { fi: 'Terveyspalvelut', sv: 'Hälsotjänster' } },
    {
      id: 'elderly-disability',
      label: {
        fi: 'Ikääntyneiden ja vammaisten palvelut',
        sv: 'Tjänster för äldre och personer med funktionsnedsättning',
      },
    },
  ],
  // Default: not stated in the sources.
  metrics: { smallCellThreshold: 5 },
  // Default: not stated in the sources.
  supportsRemoteWork: false,
  // Default: not stated in the sources.
  receptionWork: false,
  // 002: the bank supports the experts' professional growth and wellbeing at work.
  debriefingOffered: true,
  supervisionOffered: true,
  // 002: some experts return to work from a disability pension; the opt-in helps them.
  earningsLimitOptIn: true,
  work: {
    // Default: not stated in the sources; the bank holds the contracts and places the experts.
    unitOrientationRequired: false,
    externalRequesters: false,
    // Default: not stated in the sources.
    requesterRetentionDays: 90,
    // Default: not stated in the sources.
    sessionReportRetentionDays: 30,
    // Default: not stated in the sources; 002 values regular support for the experts.
    supportIntervalMonths: 3,
  },
});

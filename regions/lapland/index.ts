/**
 * Lapland: Balanssi ry's brokerage model "Kokemuksia välittäen" (seed 004). A requester contacts
 * the coordinator, who forwards the task to a suitable expert; the expert accepts if they want.
 * Mental health experience is stressed; distances are long, so remote work matters.
 * The sources give no fee, cancellation or payout rules for Lapland: every such rule below is a
 * documented default that an admin can change with a revision.
 */
import { defineRegion } from '../define-region';
import { clientQuestions, expertQuestions, professionalQuestions } from '../shared/feedback';
import { KOKOA, kokoaFeeRows, kokoaTrainingRecommendation } from '../shared/kokoa-fee-table';
import { emphasized, topics } from '../shared/topics';

export default defineRegion({
  id: 'lapland',
  name: { fi: 'Lappi – Balanssi ry:n kokemustoiminnan välitys', en: 'Lapland – Balanssi ry expert brokerage' },
  // Default: not stated in the sources. Finnish only; Northern Sami ('se') can be added once
  // every label has a Sami text.
  locales: ['fi'],
  timeZone: 'Europe/Helsinki',
  orderingModel: 'COORDINATOR_BROKERS',
  coordinatorRoles: [
    {
      id: 'brokerage-coordinator',
      label: { fi: 'Kokemustoiminnan koordinaattori (Balanssi ry)' },
      scope: 'REGION',
    },
  ],
  // 004: the model stresses mental health experience (psychiatric care in Rovaniemi, Muurola).
  topics: [
    emphasized(topics.mentalHealth),
    emphasized({ id: 'psychiatric-care', label: { fi: 'Psykiatrinen sairaalahoito ja kuntoutuminen' } }),
    // Default: not stated in the sources; topics often met alongside mental health.
    topics.closeRelative,
    topics.addictions,
  ],
  // 004 "Työtehtävät". Video connections reach e.g. the Sami education centre.
  taskTypes: [
    {
      id: 'own-story',
      label: { fi: 'Oman tarinan kertominen yleisölle' },
      feeCategory: KOKOA.lecture,
      paid: true,
      remotePossible: true,
    },
    {
      id: 'lecture-training',
      label: { fi: 'Luennot ja koulutukset oppilaitoksissa ja seminaareissa' },
      feeCategory: KOKOA.lecture,
      paid: true,
      remotePossible: true,
    },
    {
      id: 'service-development',
      label: { fi: 'Sosiaali- ja terveyspalvelujen kehittäminen' },
      feeCategory: KOKOA.workingGroup,
      paid: true,
      remotePossible: true,
    },
    {
      id: 'group-guidance',
      label: { fi: 'Ryhmänohjaus yksin tai työntekijän työparina' },
      feeCategory: KOKOA.groupGuidance,
      paid: true,
      remotePossible: true,
    },
    {
      // 004: courses for clients (Vahvaxi, Jännittäjät, Kirjoittajat), also joined remotely.
      id: 'client-course',
      label: { fi: 'Asiakaskurssien ohjaaminen (esim. Vahvaxi, Jännittäjät, Kirjoittajat)' },
      feeCategory: KOKOA.groupGuidance,
      paid: true,
      remotePossible: true,
    },
    {
      // Kokoa's row for client meetings covers support-person work.
      id: 'peer-support',
      label: { fi: 'Kahdenkeskinen vertaistuki' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
      remotePossible: true,
    },
    // Volunteer tasks (004: "toimimaan vapaaehtoisina eri tehtävissä"). Default: not stated in
    // the sources which tasks are volunteer work; café, communication and events are.
    {
      id: 'cafe-volunteer',
      label: { fi: 'Kahvilatoiminta (vapaaehtoistyö)' },
      feeCategory: null,
      paid: false,
    },
    {
      id: 'communication-volunteer',
      label: { fi: 'Markkinointi ja tiedottaminen (vapaaehtoistyö)' },
      feeCategory: null,
      paid: false,
      remotePossible: true,
    },
    {
      id: 'event-volunteer',
      label: { fi: 'Tapahtumien suunnittelu ja järjestäminen (vapaaehtoistyö)' },
      feeCategory: null,
      paid: false,
    },
  ],
  feeTable: {
    // Default: not stated in the sources; Kokoa ry's recommendation from the start of 2026.
    effectiveFrom: '2026-01-01',
    rows: [...kokoaFeeRows],
    packages: [],
  },
  cancellationPolicy: {
    // Default: not stated in the sources. 48 hours, longer than Vantaa's 24, because of long
    // distances: the coordinator needs time to find another expert and travel may have begun.
    deadline: { kind: 'HOURS_BEFORE', hours: 48 },
    description: {
      fi: 'Tilaaja voi peruuttaa tehtävän maksutta viimeistään 48 tuntia ennen sovittua aikaa. Myöhemmin peruutetusta tehtävästä maksetaan sovittu palkkio. Tehtävän voi siirtää uuteen ajankohtaan sopimalla. Jos asiakas ei saavu tai ryhmään ei tule osallistujia, palkkio maksetaan. Kokemusasiantuntijan sairastuessa palkkiota ei makseta.',
    },
    // Default: not stated in the sources (all six outcomes below).
    latePaid: true,
    noShowPaid: true,
    expertIllnessPaid: false,
    emptyGroupPaid: true,
    groupEndedPaid: false,
    rescheduleByAgreement: true,
  },
  // Default: not stated in the sources; monthly in arrears like Itä-Uusimaa (003 §6.3).
  payoutSchedule: { noticeDueDay: 9, paymentDay: 'LAST_DAY', paymentMonthOffset: 1 },
  travel: {
    // Default: not stated in the sources; distances are long, so travel is agreed per task.
    rule: 'AGREED_IN_ADVANCE',
    description: {
      fi: 'Pitkien välimatkojen vuoksi matkoista ja niiden korvaamisesta sovitaan koordinaattorin kanssa ennen tehtävää. Monen tehtävän voi tehdä myös etäyhteydellä.',
    },
  },
  // Default: not stated in the sources beyond this: experts have completed expert training and
  // the coordinator knows them before brokering tasks to them.
  onboardingSteps: [
    { id: 'training', label: { fi: 'Kokemusasiantuntijakoulutus' } },
    {
      id: 'meet-coordinator',
      label: { fi: 'Tutustumiskeskustelu koordinaattorin kanssa' },
      panel: ['brokerage-coordinator'],
    },
    { id: 'contract', label: { fi: 'Toimeksiantosopimus ja verokortti' }, panel: ['brokerage-coordinator'] },
  ],
  // 004: experts have completed expert training. Default: hours not stated; Kokoa's minimum.
  recommendedTraining: kokoaTrainingRecommendation,
  // Default: not stated in the sources; the common questions.
  feedbackQuestions: {
    EXPERT: expertQuestions,
    CLIENT: clientQuestions,
    PROFESSIONAL: professionalQuestions,
  },
  // 004: where experts are requested.
  serviceInterfaces: [
    { id: 'mental-health-services', label: { fi: 'Mielenterveyspalveluja tuottavat yksiköt' } },
    { id: 'psychiatric-hospital-care', label: { fi: 'Psykiatrinen sairaanhoito' } },
    { id: 'educational-institutions', label: { fi: 'Oppilaitokset' } },
    { id: 'associations', label: { fi: 'Yhdistys- ja vapaaehtoistoiminta' } },
    { id: 'events', label: { fi: 'Messut ja yleisötapahtumat' } },
  ],
  // Default: not stated in the sources.
  metrics: { smallCellThreshold: 5 },
  // 004: video connections for peer support, supervision and tasks; the coordinator provides tools.
  supportsRemoteWork: true,
  // Default: not stated in the sources.
  receptionWork: false,
  // 004: the coordinator supports debriefing; supervision is arranged.
  debriefingOffered: true,
  supervisionOffered: true,
  // Default: not stated in the sources; many experts have a pension with an earnings limit.
  earningsLimitOptIn: true,
  work: {
    // Default: not stated in the sources; the coordinator brokers each task.
    unitOrientationRequired: false,
    // 004: requests come from schools, associations and events outside the county too.
    externalRequesters: true,
    // Default: not stated in the sources.
    requesterRetentionDays: 90,
    // Default: not stated in the sources.
    sessionReportRetentionDays: 30,
    // Default: not stated in the sources; 004 names peer meetings and keeping in touch during breaks.
    supportIntervalMonths: 3,
  },
});

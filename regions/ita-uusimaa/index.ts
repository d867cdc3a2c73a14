/**
 * Itä-Uusimaa wellbeing services county (Itä-Uudenmaan hyvinvointialue). Source: the county's
 * service description for experience expert activity (seed 003; section numbers below refer to it).
 */
import { defineRegion } from '../define-region';
import { clientQuestions, expertQuestions, professionalQuestions } from '../shared/feedback';
import { KOKOA, kokoaFeeRows } from '../shared/kokoa-fee-table';
import { allTopics, countyTopics, emphasized } from '../shared/topics';

export default defineRegion({
  id: 'ita-uusimaa',
  name: {
    fi: 'Itä-Uudenmaan hyvinvointialue',
    sv: 'Östra Nylands välfärdsområde',
    en: 'Eastern Uusimaa wellbeing services county',
  },
  // Default: not stated in the sources. 003 does not name a language; the county is bilingual in
  // practice (Porvoo, Loviisa and Sipoo have Swedish-speaking residents), so Swedish is served too.
  locales: ['fi', 'sv'],
  timeZone: 'Europe/Helsinki',
  // §3.1: ordering an expert is the professional's job.
  orderingModel: 'PROFESSIONAL_ORDERS',
  coordinatorRoles: [
    {
      // §3: coordinates the activity, holds the experts' introductions and contact details.
      id: 'regional-coordinator',
      label: {
        fi: 'Järjestötyön ja osallisuuden asiantuntija',
        sv: 'Sakkunnig i organisationsarbete och delaktighet',
      },
      scope: 'REGION',
    },
    {
      // §3: a named employee in every unit: instructions, induction, rooms, fee payment practice.
      id: 'unit-coordinator',
      label: { fi: 'Toimintayksikön nimetty työntekijä', sv: 'Verksamhetsenhetens utsedda anställd' },
      scope: 'UNIT',
    },
  ],
  // §2: the service is for all residents and all social and health services, so every topic of
  // 001; §1 stresses experience of an illness, a disability or being a client of a service.
  topics: [
    ...allTopics,
    emphasized(countyTopics.illness),
    emphasized(countyTopics.disability),
    emphasized(countyTopics.serviceClient),
  ],
  // §4.1 work forms, each priced by the Kokoa row that fits it.
  taskTypes: [
    {
      id: 'individual-work',
      label: { fi: 'Yksilötyö', sv: 'Individuellt arbete' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
    },
    {
      // §4.2: booked or walk-in reception; the expert records directly in the client record system.
      id: 'reception',
      label: { fi: 'Vastaanotto (ajanvaraus tai walk-in)', sv: 'Mottagning (tidsbokning eller drop-in)' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
    },
    {
      id: 'pair-work',
      label: { fi: 'Työparityöskentely', sv: 'Arbete i arbetspar' },
      feeCategory: KOKOA.clientMeeting,
      paid: true,
    },
    {
      id: 'group-guidance',
      label: { fi: 'Ryhmänohjaus', sv: 'Gruppledning' },
      feeCategory: KOKOA.groupGuidance,
      paid: true,
    },
    {
      // §4.3: the expert takes part in planning the group.
      id: 'group-planning',
      label: { fi: 'Ryhmän suunnittelu', sv: 'Planering av grupp' },
      feeCategory: KOKOA.preparation,
      paid: true,
    },
    {
      id: 'lecture-training',
      label: {
        fi: 'Luennot ja kokemuskouluttajana toimiminen',
        sv: 'Föreläsningar och arbete som erfarenhetsutbildare',
      },
      feeCategory: KOKOA.lecture,
      paid: true,
    },
    {
      // §4.4: co-development of services with professionals.
      id: 'development-work',
      label: { fi: 'Kehittämistyö', sv: 'Utvecklingsarbete' },
      feeCategory: KOKOA.workingGroup,
      paid: true,
    },
  ],
  feeTable: {
    // Default: not stated in the sources. §6.2 says "the fees approved by the county"; the Kokoa
    // ry recommendation stands in for them, effective from the start of 2026.
    effectiveFrom: '2026-01-01',
    rows: [...kokoaFeeRows],
    packages: [],
  },
  cancellationPolicy: {
    // §6.2: the orderer may cancel by 15:00 on the previous day.
    deadline: { kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days: 1, localTime: '15:00' },
    description: {
      fi: 'Tilaaja voi peruuttaa tehtävän edellisenä päivänä klo 15 mennessä. Myöhemmin peruutetusta tehtävästä maksetaan sovittu palkkio. Peruutetun tehtävän voi siirtää uuteen ajankohtaan sovitusti kokemusasiantuntijan kanssa. Jos asiakas ei saavu, palkkio maksetaan. Ryhmänohjauksen sovitut kerrat maksetaan, vaikka ryhmässä ei olisi osallistujia. Kokemusasiantuntijan sairastuessa palkkiota ei makseta.',
      sv: 'Beställaren kan avboka uppdraget senast klockan 15 dagen före. Vid senare avbokning betalas det överenskomna arvodet. Ett avbokat uppdrag kan flyttas till en ny tidpunkt i samförstånd med erfarenhetsexperten. Om klienten inte kommer betalas arvodet. Överenskomna gruppträffar betalas även om ingen deltar. Om erfarenhetsexperten insjuknar betalas inget arvode.',
    },
    latePaid: true,
    noShowPaid: true,
    expertIllnessPaid: false,
    // §6.2: agreed group sessions are paid even if nobody attends...
    emptyGroupPaid: true,
    // ...unless the group is ended for a compelling or agreed reason.
    groupEndedPaid: false,
    rescheduleByAgreement: true,
  },
  // §6.3: notice by the 9th, fee paid in arrears on the last day of the month (work in November:
  // notice 9 December, payment 31 December).
  payoutSchedule: { noticeDueDay: 9, paymentDay: 'LAST_DAY', paymentMonthOffset: 1 },
  travel: {
    // §6.2: compensated case by case, always agreed in advance with the professional.
    rule: 'AGREED_IN_ADVANCE',
    description: {
      fi: 'Matkat korvataan tapauskohtaisesti, ja niistä sovitaan aina etukäteen työntekijän kanssa.',
      sv: 'Resor ersätts från fall till fall och överenskoms alltid i förväg med den anställda.',
    },
  },
  // §5 and §6: contact → interview → suitability decision → contract; §3: induction in the unit.
  onboardingSteps: [
    {
      id: 'contact-coordinator',
      label: {
        fi: 'Yhteydenotto järjestötyön ja osallisuuden asiantuntijaan',
        sv: 'Kontakt med sakkunnig i organisationsarbete och delaktighet',
      },
      panel: ['regional-coordinator'],
    },
    {
      id: 'interview',
      label: { fi: 'Soveltuvuushaastattelu', sv: 'Lämplighetsintervju' },
      // A social or health care professional and the regional coordinator.
      panel: ['PROFESSIONAL', 'regional-coordinator'],
    },
    {
      id: 'suitability-decision',
      label: { fi: 'Päätös soveltuvuudesta', sv: 'Beslut om lämplighet' },
      panel: ['regional-coordinator'],
    },
    {
      // §6.1 contract; §6.3 the tax card is delivered when it is signed.
      id: 'contract',
      label: { fi: 'Toimeksiantosopimus ja verokortti', sv: 'Uppdragsavtal och skattekort' },
    },
    {
      id: 'unit-induction',
      label: { fi: 'Perehdytys toimintayksikköön', sv: 'Introduktion i verksamhetsenheten' },
      panel: ['unit-coordinator'],
    },
  ],
  // Default: not stated in the sources. §5 judges suitability in the interview and §6.1 records
  // the applicant's training in the contract, so no fixed training is required.
  recommendedTraining: null,
  // §8: feedback from the expert, the expert's client and the professional.
  feedbackQuestions: {
    EXPERT: expertQuestions,
    CLIENT: clientQuestions,
    PROFESSIONAL: professionalQuestions,
  },
  // §9
  serviceInterfaces: [
    {
      id: 'mental-health-substance',
      label: { fi: 'Mielenterveys- ja päihdepalvelut', sv: 'Mentalvårds- och missbrukartjänster' },
    },
    { id: 'working-age', label: { fi: 'Työikäisten palvelut', sv: 'Tjänster för personer i arbetsför ålder' } },
    { id: 'disability', label: { fi: 'Vammaispalvelut', sv: 'Funktionshinderservice' } },
    { id: 'child-family', label: { fi: 'Lapsi- ja perhepalvelut', sv: 'Barn- och familjetjänster' } },
    { id: 'child-protection', label: { fi: 'Lastensuojelu', sv: 'Barnskydd' } },
    { id: 'immigrant', label: { fi: 'Maahanmuuttajapalvelut', sv: 'Invandrartjänster' } },
    { id: 'elderly', label: { fi: 'Ikääntyneiden palvelut', sv: 'Tjänster för äldre' } },
    { id: 'third-sector', label: { fi: 'Kolmannen sektorin toimijat', sv: 'Aktörer inom tredje sektorn' } },
  ],
  // Default: not stated in the sources.
  metrics: { smallCellThreshold: 5 },
  // Default: not stated in the sources; the service description only knows meetings in person.
  supportsRemoteWork: false,
  receptionWork: true,
  // §3 and §4: debriefing with the professional or team; regular supervision for client work.
  debriefingOffered: true,
  supervisionOffered: true,
  // Default: not stated in the sources; many experts have a pension with an earnings limit.
  earningsLimitOptIn: true,
  work: {
    // §3: the unit coordinator inducts the expert in the unit before work there.
    unitOrientationRequired: true,
    externalRequesters: false,
    // Default: not stated in the sources.
    requesterRetentionDays: 90,
    // Default: not stated in the sources; the report is for the professional to record (§4.5).
    sessionReportRetentionDays: 30,
    // Default: not stated in the sources; §3 asks for regular supervision in client work.
    supportIntervalMonths: 3,
  },
});

/**
 * Feedback questions that follow the measures in 003 §8: feedback from the expert, the expert's
 * client and the professional. Regions take these and add their own.
 */
import type { RegionConfigInput } from '../../src/region/region-config';

type Question = RegionConfigInput['feedbackQuestions']['EXPERT'][number];

export const expertQuestions: Question[] = [
  {
    id: 'task-clear',
    kind: 'YES_NO',
    label: {
      fi: 'Oliko tehtävä ja siihen liittyvät odotukset kuvattu selkeästi?',
      sv: 'Var uppdraget och förväntningarna tydligt beskrivna?',
      en: 'Were the task and the expectations clearly described?',
    },
  },
  {
    id: 'support-received',
    kind: 'SCALE_1_5',
    label: {
      fi: 'Saitko tehtävässä riittävästi tukea?',
      sv: 'Fick du tillräckligt stöd i uppdraget?',
      en: 'Did you get enough support in the task?',
    },
  },
  {
    id: 'comments',
    kind: 'TEXT',
    label: { fi: 'Muuta palautetta', sv: 'Övrig respons', en: 'Other feedback' },
  },
];

export const clientQuestions: Question[] = [
  {
    id: 'useful',
    kind: 'SCALE_1_5',
    label: {
      fi: 'Oliko kokemusasiantuntijan tapaamisesta sinulle hyötyä?',
      sv: 'Hade du nytta av mötet med erfarenhetsexperten?',
      en: 'Was meeting the experience expert useful to you?',
    },
  },
  {
    id: 'comments',
    kind: 'TEXT',
    label: { fi: 'Muuta palautetta', sv: 'Övrig respons', en: 'Other feedback' },
  },
];

export const professionalQuestions: Question[] = [
  {
    id: 'cooperation',
    kind: 'SCALE_1_5',
    label: {
      fi: 'Miten yhteistyö kokemusasiantuntijan kanssa sujui?',
      sv: 'Hur fungerade samarbetet med erfarenhetsexperten?',
      en: 'How did working with the experience expert go?',
    },
  },
  {
    id: 'would-order-again',
    kind: 'YES_NO',
    label: {
      fi: 'Tilaisitko kokemusasiantuntijan uudelleen?',
      sv: 'Skulle du beställa en erfarenhetsexpert igen?',
      en: 'Would you order an experience expert again?',
    },
  },
];

/** Written feedback that the expert reads (002: feedback from professionals supports recovery). */
export const feedbackToExpert: Question = {
  id: 'feedback-to-expert',
  kind: 'TEXT',
  sharedWithExpert: true,
  label: {
    fi: 'Palaute kokemusasiantuntijalle',
    sv: 'Respons till erfarenhetsexperten',
    en: 'Feedback to the experience expert',
  },
};

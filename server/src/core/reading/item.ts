/**
 * Equipment, records and routines: provision where the item itself (and who keeps it up, how often)
 * is the specification and a duration means nothing ("a writing slope and pencil grips in every
 * lesson", "a communication passport updated each morning by her key adult").
 */

/** Things a child is given or that adults keep for them. Whole words, normalised text. */
const ITEM_RE = new RegExp(
  '(?<![A-Za-z])(?:' +
    [
      'desks?', 'chairs?', 'seating', 'workstations?', 'foot\\s?(?:stool|rest)s?', 'writing\\s+(?:slopes?|boards?)', 'sloped\\s+(?:writing\\s+)?(?:boards?|desks?)', 'slopes?',
      'pencil\\s+grips?', 'grips', 'pens?', 'pencils?', 'scissors', 'rulers?', 'reading\\s+rulers?', 'overlays?', 'coloured\\s+(?:paper|overlays?|exercise\\s+books?)',
      'ear\\s+defenders', 'headphones', 'wobble\\s+cushions?', 'cushions?', 'move\\s+n\\s+sit', 'fidget\\s+(?:toys?|tools?|items?)', 'weighted\\s+(?:blankets?|vests?|lap\\s+pads?)', 'chew(?:ellery|y\\s+tubes?|able\\s+\\w+)',
      'laptops?', 'tablets?', 'iPads?', 'computers?', 'software', 'keyboards?', 'switch(?:es)?', 'eye[\\s-]gaze', 'communication\\s+aids?', 'VOCA', 'AAC\\s+devices?', 'devices?',
      'radio\\s+aids?', 'hearing\\s+aids?', 'cochlear\\s+implants?', 'sound\\s?field\\s+systems?', 'processors?', 'glasses', 'magnifiers?', 'CCTV', 'talking\\s+tins?',
      'visual\\s+timetables?', 'timetables?', 'now[\\s-]and[\\s-]next\\s+boards?', 'boards?', 'symbols?', 'schedules?', 'task\\s+boards?', 'checklists?', 'prompt\\s+cards?', 'cards?', 'social\\s+stor(?:y|ies)', 'word\\s+mats?', 'writing\\s+frames?',
      'communication\\s+(?:passports?|books?|boards?)', 'passports?', 'diar(?:y|ies)', 'home[\\s-]school\\s+(?:diar(?:y|ies)|books?|communication\\s+books?)', 'records?', 'logs?', 'charts?',
      '(?:personal\\s+)?(?:evacuation|care|health\\s+care|healthcare|behaviour(?:\\s+support)?|positive\\s+behaviour\\s+support|moving\\s+and\\s+handling|intimate\\s+care|risk\\s+management|support)\\s+plans?', 'risk\\s+assessments?', 'passes', 'time[\\s-]out\\s+cards?', 'exit\\s+cards?',
      'standing\\s+frames?', 'walkers?', 'wheelchairs?', 'hoists?', 'slings?', 'splints?', 'orthotics?', 'changing\\s+(?:beds?|benches|tables?)', 'plinths?', 'rails?', 'ramps?', 'lifts?', 'trolleys?',
      'large[\\s-]print\\s+\\w+', 'enlarged\\s+\\w+', 'Braille\\s+\\w+', 'modified\\s+(?:materials|resources|texts|papers?)', 'copies', 'materials',
      'blood\\s+(?:glucose|sugar)', 'catheters?', 'feeding\\s+tubes?', 'gastrostomy', 'stoma', 'pads?', 'spare\\s+clothes',
    ].join('|') +
    ')(?![A-Za-z])',
  'gi',
);

/** Activity someone does with the child: when present the duration matters again. */
const ACTIVITY_RE =
  /(?<![A-Za-z])(?:support(?!\s+plans?)|sessions?|teach(?:ing|es)?|tuition|tutoring|therap(?:y|ies)(?!\s+service)|interventions?|programmes?|input|help(?:s|ing)?|mentoring|counselling|coaching|check[\s-]ins?|groups?|clubs?|work(?:s|ing)?\s+(?:with|on)|practi[sc]e|lessons\s+(?:in|of|with)|instruction|exercises|stretch(?:es|ing)?|training(?!\s+(?:from|by))|train(?:s)?(?=\s)|appointments?|visits?|assessments?|consultations?|observations?|meetings?)(?![A-Za-z])/i;

/** What is done to the item, by whom: "updated", "checked", "set up", "charged". */
const ROUTINE_RE =
  /(?<![A-Za-z])(?:(?:update|check|complete|charge|prepare|review|clean|change|replace|maintain|adjust|fit|set\s+up|monitor|record|test)s?(?=\s+(?:it|them|this|these|his|her|their|the|a|an)(?![A-Za-z]))|updated|checked|completed|filled\s+in|set\s+up|prepared|charged|reviewed|cleaned|changed|replaced|maintained|adjusted|refreshed|sent\s+home|monitored|recorded|tested|calibrated|fitted|serviced|written\s+up|kept\s+up\s+to\s+date)(?![A-Za-z])/i;

export type ItemKind = 'item' | 'routine';

/**
 * "item" when the provision is equipment or a record with nothing done to it ("a writing slope in
 * every lesson"); "routine" when an adult keeps it up ("updated each morning by her key adult");
 * undefined when the text is about something done with the child (then a duration matters).
 */
export function readItemKind(s: string): ItemKind | undefined {
  ITEM_RE.lastIndex = 0;
  if (!ITEM_RE.test(s)) return undefined;
  if (ACTIVITY_RE.test(s)) return undefined;
  return ROUTINE_RE.test(s) ? 'routine' : 'item';
}

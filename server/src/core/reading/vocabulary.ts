/**
 * The words EHC plans use for who delivers provision, and the vague wording that tribunals,
 * IPSEA and SEN lawyers warn against. Pure data plus small lookups: shared by the
 * quantification reader (reading/read.ts), completions, hovers and inlay hints.
 */
import type { VagueKind } from './types';

export type Sector = 'education' | 'health' | 'social care';

/** One role that can deliver, devise or oversee provision. */
export interface RoleInfo {
  /** Canonical name in plain British English, shown to families in hovers and inlay hints. */
  name: string;
  /** Abbreviations as plans write them, matched case-sensitively (a plural "s" is allowed). The first is the usual one. */
  abbreviations: readonly string[];
  /**
   * Other ways of writing the role, matched case-insensitively on whole words. Spaces and hyphens
   * are interchangeable, "and" also matches "&", and a plural "s" is allowed.
   */
  aliases: readonly string[];
  /**
   * The therapy or service rather than the person ("speech and language therapy"). A weak mention:
   * it names the deliverer only when no person is named in the same text.
   */
  services?: readonly string[];
  sector: Sector;
}

/** Every role the reader recognises, in no particular order. */
export const roles: readonly RoleInfo[] = [
  // Communication and interaction
  {
    name: 'Speech and Language Therapist',
    abbreviations: ['SaLT', 'SALT', 'SLT', 'S&LT', 'SALT/SLT'],
    aliases: [
      'speech and language therapist',
      'speech therapist',
      'speech and language therapy service',
      'speech and language therapy team',
      'speech and language therapy department',
      'SaLT service',
      'SaLT team',
      'specialist speech and language therapist',
      'speech language therapist',
      'speech-language therapist',
    ],
    services: ['speech and language therapy', 'speech therapy', 'language therapy'],
    sector: 'health',
  },
  {
    name: 'Speech and Language Therapy Assistant',
    abbreviations: ['SLTA', 'SaLTA', 'SALTA'],
    aliases: [
      'speech and language therapy assistant',
      'speech and language therapist assistant',
      'speech and language assistant',
      'speech therapy assistant',
      'SaLT assistant',
      'SLT assistant',
      'assistant speech and language therapist',
    ],
    sector: 'health',
  },
  {
    name: 'Communication Support Worker',
    abbreviations: ['CSW'],
    aliases: ['communication support worker'],
    sector: 'education',
  },
  {
    name: 'British Sign Language Interpreter',
    abbreviations: [],
    aliases: ['British Sign Language interpreter', 'BSL interpreter', 'sign language interpreter'],
    sector: 'education',
  },
  {
    name: 'Deaf Role Model',
    abbreviations: [],
    aliases: ['deaf role model', 'deaf instructor'],
    sector: 'education',
  },
  // Staff in schools and settings
  {
    name: 'Teaching Assistant',
    abbreviations: ['TA'],
    aliases: ['teaching assistant', 'classroom assistant', 'teacher assistant', 'teacher\'s assistant', 'class TA'],
    sector: 'education',
  },
  {
    name: 'Learning Support Assistant',
    abbreviations: ['LSA'],
    aliases: ['learning support assistant', 'support assistant', 'classroom support assistant', 'individual support assistant', '1:1 assistant', '1:1 support assistant', 'one to one assistant', 'one to one support assistant', 'special support assistant', 'SEN support assistant', 'individual needs assistant', 'learning support practitioner'],
    sector: 'education',
  },
  {
    name: 'Higher Level Teaching Assistant',
    abbreviations: ['HLTA'],
    aliases: ['higher level teaching assistant', 'higher-level teaching assistant'],
    sector: 'education',
  },
  {
    name: 'Emotional Literacy Support Assistant',
    abbreviations: ['ELSA'],
    aliases: ['emotional literacy support assistant'],
    sector: 'education',
  },
  {
    name: 'Class Teacher',
    abbreviations: [],
    aliases: ['class teacher', 'classroom teacher', 'form teacher', 'form tutor', 'class tutor'],
    sector: 'education',
  },
  {
    name: 'Subject Teacher',
    abbreviations: [],
    aliases: ['subject teacher', 'subject specialist teacher'],
    sector: 'education',
  },
  {
    name: 'Teacher',
    abbreviations: [],
    aliases: ['teacher', 'qualified teacher', 'SEN teacher', 'SEND teacher', 'special needs teacher', 'special educational needs teacher'],
    sector: 'education',
  },
  {
    name: 'Specialist Teacher',
    abbreviations: [],
    aliases: ['specialist teacher', 'specialist SEN teacher', 'specialist SEND teacher', 'specialist support teacher', 'specialist learning support teacher', 'learning support teacher', 'specialist inclusion teacher'],
    sector: 'education',
  },
  {
    name: 'Specialist Advisory Teacher',
    abbreviations: [],
    aliases: ['specialist advisory teacher', 'advisory teacher', 'outreach teacher', 'specialist outreach teacher'],
    sector: 'education',
  },
  {
    name: 'Specialist Dyslexia Teacher',
    abbreviations: [],
    aliases: [
      'dyslexia specialist teacher',
      'specialist dyslexia teacher',
      'dyslexia teacher',
      'dyslexia specialist',
      'SpLD teacher',
      'SpLD specialist teacher',
      'specialist SpLD teacher',
      'specialist teacher for SpLD',
      'specialist teacher for dyslexia',
      'dyslexia tutor',
    ],
    sector: 'education',
  },
  {
    name: 'Specialist Autism Teacher',
    abbreviations: [],
    aliases: ['autism specialist teacher', 'specialist autism teacher', 'autism advisory teacher', 'specialist teacher for autism', 'autism specialist', 'ASC specialist teacher', 'ASD specialist teacher'],
    sector: 'education',
  },
  {
    name: 'Autism Outreach Service',
    abbreviations: [],
    aliases: ['autism outreach', 'autism outreach team', 'autism outreach service', 'autism outreach teacher', 'autism outreach worker', 'autism outreach practitioner', 'ASC outreach', 'ASD outreach', 'autism advisory service', 'autism advisory team', 'autism team'],
    sector: 'education',
  },
  {
    name: 'Qualified Teacher of the Deaf',
    abbreviations: ['QToD', 'QTOD', 'ToD', 'TOD', 'QTHI'],
    aliases: [
      'qualified teacher of the deaf',
      'qualified teacher of deaf children',
      'qualified teacher of deaf children and young people',
      'teacher of the deaf',
      'teacher of deaf children',
      'teacher of deaf children and young people',
      'teacher for the deaf',
      'HI teacher',
      'hearing impairment teacher',
      'teacher of the hearing impaired',
      'specialist teacher of the deaf',
      'specialist teacher for hearing impairment',
    ],
    sector: 'education',
  },
  {
    name: 'Qualified Teacher of Vision Impairment',
    abbreviations: ['QTVI', 'QTVIs', 'QTCYPVI'],
    aliases: [
      'qualified teacher of the visually impaired',
      'qualified teacher of visual impairment',
      'qualified teacher of vision impairment',
      'qualified teacher of children with vision impairment',
      'qualified teacher of children and young people with vision impairment',
      'qualified teacher of children and young people with visual impairment',
      'teacher of the visually impaired',
      'teacher of visually impaired children',
      'teacher of vision impairment',
      'VI teacher',
      'visual impairment teacher',
      'specialist teacher for vision impairment',
      'specialist teacher for visual impairment',
      'specialist teacher of the visually impaired',
    ],
    sector: 'education',
  },
  {
    name: 'Qualified Teacher of Multi-Sensory Impairment',
    abbreviations: ['QTMSI'],
    aliases: [
      'qualified teacher of multi sensory impairment',
      'qualified teacher of multisensory impairment',
      'qualified teacher of children with multi sensory impairment',
      'teacher of multi sensory impairment',
      'teacher of multisensory impairment',
      'MSI teacher',
      'multi sensory impairment teacher',
      'specialist teacher for multi sensory impairment',
    ],
    sector: 'education',
  },
  {
    name: 'Intervenor',
    abbreviations: [],
    aliases: ['intervenor', 'MSI intervenor', 'trained intervenor'],
    sector: 'education',
  },
  {
    name: 'Habilitation Specialist',
    abbreviations: ['ROVI'],
    aliases: [
      'habilitation specialist',
      'habilitation officer',
      'habilitation worker',
      'habilitation practitioner',
      'mobility officer',
      'mobility and independence officer',
      'mobility and independence specialist',
      'rehabilitation officer for visual impairment',
      'rehabilitation officer for the visually impaired',
    ],
    sector: 'education',
  },
  {
    name: 'Sensory Support Service',
    abbreviations: [],
    aliases: ['sensory support service', 'sensory support team', 'sensory impairment service', 'sensory impairment team', 'hearing support service', 'vision support service', 'physical and sensory support service', 'physical and sensory support team'],
    sector: 'education',
  },
  {
    name: 'Educational Audiologist',
    abbreviations: [],
    aliases: ['educational audiologist'],
    sector: 'education',
  },
  {
    name: 'Special Educational Needs Co-ordinator',
    abbreviations: [],
    aliases: [
      'SENCo',
      'SENDCo',
      'SENCos',
      'special educational needs co-ordinator',
      'special educational needs coordinator',
      'special educational needs and disabilities co-ordinator',
      'special educational needs and disabilities coordinator',
      'special educational needs and disability co-ordinator',
      'special educational needs and disability coordinator',
      'SEN co-ordinator',
      'SEN coordinator',
      'SEND co-ordinator',
      'SEND coordinator',
      'inclusion manager',
      'inclusion lead',
      'inclusion co-ordinator',
      'inclusion coordinator',
    ],
    sector: 'education',
  },
  {
    name: 'Area Special Educational Needs Co-ordinator',
    abbreviations: [],
    aliases: ['area SENCo', 'area SENDCo', 'area special educational needs co-ordinator', 'area special educational needs coordinator', 'early years area SENCo'],
    sector: 'education',
  },
  {
    name: 'Early Years Practitioner',
    abbreviations: ['EYP'],
    aliases: [
      'early years practitioner',
      'nursery practitioner',
      'nursery nurse',
      'nursery worker',
      'early years educator',
      'early years worker',
      'preschool practitioner',
      'pre-school practitioner',
      'childcare practitioner',
      'childminder',
      'early years teacher',
      'nursery teacher',
      'early years specialist',
      'early years SEN practitioner',
      'early years inclusion practitioner',
    ],
    sector: 'education',
  },
  {
    name: 'Key Worker',
    abbreviations: [],
    aliases: ['key worker', 'keyworker', 'key adult', 'key member of staff', 'key teaching assistant'],
    sector: 'education',
  },
  {
    name: 'Key Person',
    abbreviations: [],
    aliases: ['key person', 'key practitioner'],
    sector: 'education',
  },
  {
    name: 'Portage Home Visitor',
    abbreviations: [],
    aliases: ['Portage worker', 'Portage home visitor', 'Portage practitioner', 'Portage service', 'Portage visitor', 'Portage'],
    sector: 'education',
  },
  {
    name: 'Learning Mentor',
    abbreviations: [],
    aliases: ['learning mentor', 'mentor', 'behaviour mentor', 'school mentor'],
    sector: 'education',
  },
  {
    name: 'Behaviour Support Teacher',
    abbreviations: [],
    aliases: ['behaviour support teacher', 'behaviour support service', 'behaviour support team', 'behaviour specialist', 'behaviour support specialist', 'behaviour support worker', 'behaviour lead'],
    sector: 'education',
  },
  {
    name: 'Thrive Practitioner',
    abbreviations: [],
    aliases: ['Thrive practitioner', 'licensed Thrive practitioner', 'Thrive lead'],
    sector: 'education',
  },
  {
    name: 'Therapeutic Practitioner',
    abbreviations: [],
    aliases: ['therapeutic practitioner', 'therapeutic support worker', 'drawing and talking practitioner', 'Lego therapy facilitator', 'Lego-based therapy facilitator', 'wellbeing practitioner', 'wellbeing worker', 'emotional wellbeing practitioner'],
    sector: 'education',
  },
  {
    name: 'Pastoral Lead',
    abbreviations: [],
    aliases: ['pastoral lead', 'pastoral manager', 'pastoral support worker', 'pastoral worker', 'pastoral support assistant', 'pastoral team', 'head of year', 'year leader'],
    sector: 'education',
  },
  {
    name: 'Nurture Practitioner',
    abbreviations: [],
    aliases: ['nurture practitioner', 'nurture group practitioner', 'nurture lead', 'nurture group lead', 'nurture teacher', 'nurture assistant'],
    sector: 'education',
  },
  {
    name: 'Headteacher',
    abbreviations: [],
    aliases: ['headteacher', 'head teacher', 'deputy headteacher', 'deputy head teacher', 'deputy head', 'assistant headteacher', 'assistant head teacher', 'assistant head', 'college principal', 'head of centre'],
    sector: 'education',
  },
  {
    name: 'Midday Supervisor',
    abbreviations: ['MDS', 'MDSA'],
    aliases: ['midday supervisor', 'midday supervisory assistant', 'midday meals supervisor', 'lunchtime supervisor', 'lunchtime assistant'],
    sector: 'education',
  },
  {
    name: 'Tutor',
    abbreviations: [],
    aliases: ['tutor', 'specialist tutor', 'personal tutor', 'home tutor', 'online tutor', 'lecturer', 'course tutor'],
    sector: 'education',
  },
  {
    name: 'Careers Adviser',
    abbreviations: [],
    aliases: ['careers adviser', 'careers advisor', 'personal adviser', 'personal advisor', 'careers lead'],
    sector: 'education',
  },
  {
    name: 'Job Coach',
    abbreviations: [],
    aliases: ['job coach', 'employment coach', 'supported employment officer', 'supported internship job coach'],
    sector: 'education',
  },
  {
    name: 'Travel Trainer',
    abbreviations: [],
    aliases: ['travel trainer', 'independent travel trainer', 'travel training officer'],
    sector: 'education',
  },
  {
    name: 'Passenger Assistant',
    abbreviations: [],
    aliases: ['passenger assistant', 'transport escort', 'escort'],
    sector: 'education',
  },
  {
    name: 'All Staff',
    abbreviations: [],
    aliases: ['all staff', 'all adults', 'all school staff', 'all teaching staff', 'all members of staff', 'all staff members', 'all teachers', 'all practitioners', 'all setting staff', 'all college staff', 'all nursery staff'],
    sector: 'education',
  },
  // Psychology and mental health
  {
    name: 'Educational Psychologist',
    abbreviations: ['EP', 'EPS'],
    aliases: ['educational psychologist', 'principal educational psychologist', 'educational psychology service', 'educational psychology team', 'senior educational psychologist', 'specialist educational psychologist'],
    services: ['educational psychology'],
    sector: 'education',
  },
  {
    name: 'Assistant Educational Psychologist',
    abbreviations: ['AEP'],
    aliases: ['assistant educational psychologist', 'trainee educational psychologist'],
    sector: 'education',
  },
  {
    name: 'Clinical Psychologist',
    abbreviations: [],
    aliases: ['clinical psychologist', 'counselling psychologist', 'health psychologist', 'paediatric psychologist'],
    services: ['clinical psychology'],
    sector: 'health',
  },
  {
    name: 'Psychologist',
    abbreviations: [],
    aliases: ['psychologist', 'assistant psychologist', 'psychology service', 'psychology team'],
    sector: 'health',
  },
  {
    name: 'Child and Adolescent Mental Health Services',
    abbreviations: ['CAMHS', 'CYPMHS', 'CAHMS'],
    aliases: [
      'child and adolescent mental health service',
      'child and adolescent mental health services',
      'children and young people\'s mental health service',
      'children and young people\'s mental health services',
      'CAMHS clinician',
      'CAMHS practitioner',
      'CAMHS worker',
      'CAMHS team',
      'CAMHS service',
      'CAMHS therapist',
      'CAMHS nurse',
      'CAMHS psychiatrist',
      'CAMHS psychologist',
      'learning disability CAMHS',
    ],
    sector: 'health',
  },
  {
    name: 'Mental Health Support Team',
    abbreviations: ['MHST', 'EMHP'],
    aliases: ['mental health support team', 'education mental health practitioner', 'mental health practitioner', 'mental health worker', 'mental health lead', 'school mental health lead', 'primary mental health worker'],
    sector: 'health',
  },
  {
    name: 'Psychiatrist',
    abbreviations: [],
    aliases: ['psychiatrist', 'consultant psychiatrist', 'child psychiatrist', 'child and adolescent psychiatrist'],
    sector: 'health',
  },
  {
    name: 'Counsellor',
    abbreviations: [],
    aliases: ['counsellor', 'counselor', 'school counsellor', 'qualified counsellor', 'counselling service', 'BACP-registered counsellor'],
    services: ['counselling', 'counseling'],
    sector: 'health',
  },
  {
    name: 'Play Therapist',
    abbreviations: [],
    aliases: ['play therapist', 'child play therapist', 'registered play therapist'],
    services: ['play therapy'],
    sector: 'health',
  },
  {
    name: 'Music Therapist',
    abbreviations: [],
    aliases: ['music therapist'],
    services: ['music therapy'],
    sector: 'health',
  },
  {
    name: 'Art Therapist',
    abbreviations: [],
    aliases: ['art therapist', 'art psychotherapist'],
    services: ['art therapy', 'art psychotherapy'],
    sector: 'health',
  },
  {
    name: 'Drama Therapist',
    abbreviations: [],
    aliases: ['drama therapist', 'dramatherapist'],
    services: ['drama therapy', 'dramatherapy'],
    sector: 'health',
  },
  {
    name: 'Psychotherapist',
    abbreviations: [],
    aliases: ['psychotherapist', 'child psychotherapist', 'child and adolescent psychotherapist'],
    services: ['psychotherapy'],
    sector: 'health',
  },
  // Physical and sensory, and health
  {
    name: 'Occupational Therapist',
    abbreviations: ['OT'],
    aliases: ['occupational therapist', 'occupational therapy service', 'occupational therapy team', 'occupational therapy department', 'OT service', 'OT team', 'paediatric occupational therapist', 'specialist occupational therapist'],
    services: ['occupational therapy'],
    sector: 'health',
  },
  {
    name: 'Occupational Therapy Assistant',
    abbreviations: ['OTA'],
    aliases: ['occupational therapy assistant', 'occupational therapist assistant', 'OT assistant', 'occupational therapy technician', 'OT technician', 'assistant occupational therapist'],
    sector: 'health',
  },
  {
    name: 'Physiotherapist',
    abbreviations: [],
    aliases: ['physiotherapist', 'physio', 'physiotherapy service', 'physiotherapy team', 'paediatric physiotherapist', 'specialist physiotherapist', 'children\'s physiotherapist', 'hydrotherapist'],
    services: ['physiotherapy', 'hydrotherapy'],
    sector: 'health',
  },
  {
    name: 'Physiotherapy Assistant',
    abbreviations: [],
    aliases: ['physiotherapy assistant', 'physiotherapist assistant', 'physio assistant', 'physiotherapy technician', 'assistant physiotherapist'],
    sector: 'health',
  },
  {
    name: 'Paediatrician',
    abbreviations: [],
    aliases: ['paediatrician', 'pediatrician', 'community paediatrician', 'consultant paediatrician', 'community paediatric service', 'paediatric consultant', 'developmental paediatrician', 'neurodevelopmental paediatrician'],
    services: ['community paediatrics', 'paediatrics'],
    sector: 'health',
  },
  {
    name: 'General Practitioner',
    abbreviations: ['GP'],
    aliases: ['general practitioner', 'family doctor', 'doctor'],
    sector: 'health',
  },
  {
    name: 'School Nurse',
    abbreviations: [],
    aliases: ['school nurse', 'school nursing service', 'school nursing team', 'school health nurse', 'special school nurse'],
    sector: 'health',
  },
  {
    name: 'Children\'s Community Nurse',
    abbreviations: ['CCN'],
    aliases: ['children\'s community nurse', 'community children\'s nurse', 'community nurse', 'children\'s community nursing team', 'community nursing team', 'community nursing service'],
    sector: 'health',
  },
  {
    name: 'Specialist Nurse',
    abbreviations: ['CNS'],
    aliases: [
      'specialist nurse',
      'clinical nurse specialist',
      'nurse specialist',
      'epilepsy nurse',
      'epilepsy specialist nurse',
      'diabetes nurse',
      'diabetes specialist nurse',
      'continence nurse',
      'continence advisor',
      'continence adviser',
      'continence service',
      'learning disability nurse',
      'respiratory nurse',
      'complex care nurse',
      'palliative care nurse',
    ],
    sector: 'health',
  },
  {
    name: 'Nurse',
    abbreviations: ['RN'],
    aliases: ['nurse', 'registered nurse', 'qualified nurse', 'health visitor'],
    sector: 'health',
  },
  {
    name: 'Healthcare Assistant',
    abbreviations: ['HCA'],
    aliases: ['healthcare assistant', 'health care assistant', 'health care support worker', 'healthcare support worker', 'clinical support worker'],
    sector: 'health',
  },
  {
    name: 'Dietitian',
    abbreviations: [],
    aliases: ['dietitian', 'dietician', 'paediatric dietitian'],
    sector: 'health',
  },
  {
    name: 'Audiologist',
    abbreviations: [],
    aliases: ['audiologist', 'audiology service', 'audiology department', 'paediatric audiologist'],
    services: ['audiology'],
    sector: 'health',
  },
  {
    name: 'Orthoptist',
    abbreviations: [],
    aliases: ['orthoptist', 'optometrist', 'ophthalmologist', 'eye clinic'],
    sector: 'health',
  },
  {
    name: 'Orthotist',
    abbreviations: [],
    aliases: ['orthotist', 'orthotics service', 'orthotics team'],
    services: ['orthotics'],
    sector: 'health',
  },
  {
    name: 'Wheelchair Service',
    abbreviations: [],
    aliases: ['wheelchair service', 'wheelchair services', 'wheelchair team', 'posture and mobility service'],
    sector: 'health',
  },
  {
    name: 'Neurologist',
    abbreviations: [],
    aliases: ['neurologist', 'paediatric neurologist', 'consultant neurologist'],
    sector: 'health',
  },
  // Social care
  {
    name: 'Social Worker',
    abbreviations: [],
    aliases: ['social worker', 'children\'s social worker', 'allocated social worker', 'disabled children\'s social worker', 'social care worker', 'transitions social worker', 'disabled children\'s team', 'children with disabilities team', 'social care team'],
    sector: 'social care',
  },
  {
    name: 'Family Support Worker',
    abbreviations: [],
    aliases: ['family support worker', 'family support practitioner', 'early help worker', 'early help practitioner', 'family practitioner', 'family worker', 'parent support adviser', 'parent support advisor'],
    sector: 'social care',
  },
  {
    name: 'Personal Assistant',
    abbreviations: ['PA'],
    aliases: ['personal assistant'],
    sector: 'social care',
  },
  {
    name: 'Short Breaks Carer',
    abbreviations: [],
    aliases: ['short breaks carer', 'short break carer', 'short breaks foster carer', 'short break foster carer', 'respite carer', 'shared care carer', 'short breaks worker', 'short break worker', 'short breaks provider', 'short break provider', 'short breaks service', 'short break service', 'respite provider'],
    sector: 'social care',
  },
  {
    name: 'Support Worker',
    abbreviations: [],
    aliases: ['support worker', 'care worker', 'paid carer', 'care assistant', 'home care worker', 'domiciliary care worker', 'domiciliary carer', 'residential care worker', 'residential care staff', 'residential support worker', 'enabler', 'befriender', 'activity support worker', 'sessional worker', 'youth worker'],
    sector: 'social care',
  },
  {
    name: 'Social Care Occupational Therapist',
    abbreviations: [],
    aliases: ['social care occupational therapist', 'social services occupational therapist', 'community occupational therapist'],
    sector: 'social care',
  },
];

/**
 * Roles that usually assess, advise or devise programmes that others deliver. "OT programme" or
 * "SaLT targets" name such a role as the one who devises, not the one who delivers.
 */
export const advisoryRoles: ReadonlySet<string> = new Set([
  'Speech and Language Therapist',
  'Occupational Therapist',
  'Social Care Occupational Therapist',
  'Physiotherapist',
  'Educational Psychologist',
  'Clinical Psychologist',
  'Psychologist',
  'Qualified Teacher of the Deaf',
  'Qualified Teacher of Vision Impairment',
  'Qualified Teacher of Multi-Sensory Impairment',
  'Specialist Teacher',
  'Specialist Advisory Teacher',
  'Specialist Dyslexia Teacher',
  'Specialist Autism Teacher',
  'Autism Outreach Service',
  'Sensory Support Service',
  'Habilitation Specialist',
  'Educational Audiologist',
  'Child and Adolescent Mental Health Services',
  'Mental Health Support Team',
  'Psychiatrist',
  'Paediatrician',
  'Dietitian',
  'Audiologist',
  'Orthoptist',
  'Orthotist',
  'Neurologist',
  'Behaviour Support Teacher',
  'Special Educational Needs Co-ordinator',
  'Area Special Educational Needs Co-ordinator',
  'Specialist Nurse',
  'School Nurse',
  'Wheelchair Service',
  'Portage Home Visitor',
]);

const roleByLowerName = new Map(roles.map((r) => [r.name.toLowerCase(), r]));

/** A role by its canonical name (case-insensitive), or undefined. */
export function getRole(name: string): RoleInfo | undefined {
  return roleByLowerName.get(name.toLowerCase());
}

/** Canonical role names, for completions. */
export const roleNames: readonly string[] = roles.map((r) => r.name);

let bySpelling: Map<string, RoleInfo> | undefined;

/**
 * The role a spelling names: an abbreviation as written ("SaLT", "QToD"), or a name or alias in any
 * case ("speech & language therapist", "keyworker"); a plural "s" is allowed. For hovers.
 */
export function lookupRole(words: string): RoleInfo | undefined {
  if (!bySpelling) {
    bySpelling = new Map();
    for (const r of roles) {
      for (const a of [r.name, ...r.aliases, ...(r.services ?? [])]) bySpelling.set(roleKey(a).replace(/'/g, ''), r);
      for (const ab of r.abbreviations) bySpelling.set(`=${ab}`, r);
    }
  }
  const w = words.trim();
  const abbr = bySpelling.get(`=${w}`) ?? bySpelling.get(`=${w.replace(/s$/, '')}`);
  if (abbr) return abbr;
  const key = roleKey(w).replace(/'/g, '');
  return bySpelling.get(key) ?? bySpelling.get(key.replace(/s$/, ''));
}

/** A key that spellings of one alias share: lower case, "&" as "and", spaces and hyphens folded. */
export function roleKey(words: string): string {
  return words
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Vague wording

/**
 * One entry of the vague-wording lexicon. `pattern` is a regular-expression source matched
 * case-insensitively on whole words of normalised text (straight quotes, ASCII hyphens, plain
 * spaces). It must use only non-capturing groups and bounded repetition.
 */
export interface VagueEntry {
  id: string;
  kind: VagueKind;
  pattern: string;
  /** Plain-English advice; `{phrase}` is replaced by the words as written. */
  advice: string;
  /** A compliant replacement for the phrase as written, with `__` placeholders, when one fits. */
  replacement?: (phrase: string) => string | undefined;
  /** Vague only when the sentence around it gives no frequency or amount ("support", "input"). */
  onlyWhenUnquantified?: boolean;
  /** Examples of the wording, for docs and completions. */
  examples: readonly string[];
}

const HOW_OFTEN = '__ times a week for __ minutes';
const modals = /^(?:should|may|might|could|would|will|can)\b/i;

/** The built-in vague-wording lexicon, most specific patterns first. */
export const vagueLexicon: readonly VagueEntry[] = [
  // -- who: unnamed deliverers
  {
    id: 'appropriate-professional',
    kind: 'unspecified-provider',
    pattern:
      "(?:(?:an?|the)\\s+)?(?:appropriate|appropriately\\s+(?:trained|qualified)|suitably\\s+(?:trained|qualified|experienced)|relevant|suitable)\\s+(?:professionals?|adults?|persons?|people|practitioners?|members?\\s+of\\s+staff|staff(?:\\s+members?)?|personnel|specialists?|agency|agencies|services?|therapists?)",
    advice: '"{phrase}" does not say who will deliver the provision. Name the role and the level of training or qualification, for example "a Teaching Assistant trained in Precision Teaching".',
    replacement: () => 'a __ (role) trained in __',
    examples: ['an appropriate professional', 'appropriate staff', 'a suitably qualified person'],
  },
  {
    id: 'member-of-staff',
    kind: 'unspecified-provider',
    pattern:
      '(?:(?:an?|the|one|two|three)\\s+)?(?:(?:trained|named|familiar|designated|additional|consistent|identified|nominated|dedicated|allocated|experienced|senior|trusted|specific|other|suitable)[\\s,]{1,3}){0,2}(?:members?\\s+of\\s+(?:the\\s+)?(?:school\\s+|support\\s+|teaching\\s+|setting\\s+|college\\s+|nursery\\s+)?staff(?:\\s+team)?|staff\\s+members?)',
    advice: '"{phrase}" does not say who will deliver the provision. Name the role and the level of training, for example "a Teaching Assistant trained in Zones of Regulation".',
    replacement: () => 'a __ (role) trained in __',
    examples: ['a member of staff', 'a familiar member of staff', 'staff member'],
  },
  {
    id: 'staff',
    kind: 'unspecified-provider',
    pattern:
      '(?:(?:the|any|other)\\s+)?(?:(?:school|setting|college|nursery|support|trained|relevant|familiar|additional|designated|named|experienced|teaching|specialist|classroom|class|key)\\s+)?staff(?!\\s+(?:training|meetings?|room|awareness|development|team\\s+meetings?|ratios?|to\\s+(?:pupil|child|student)))',
    advice: '"{phrase}" does not say who will deliver the provision. Name the role (for example Teaching Assistant, class teacher) and the level of training.',
    replacement: () => 'the __ (role)',
    examples: ['staff', 'school staff', 'trained staff'],
  },
  {
    id: 'adults',
    kind: 'unspecified-provider',
    pattern:
      '(?:(?:an?|the|other|any)\\s+)?(?:(?:familiar|trusted|supporting|additional|designated|named|identified|consistent|trained|experienced|supportive|safe|other|nominated|allocated|dedicated|available)\\s+)?adults?(?!\\s+(?:social\\s+care|services?|life|education|learning|community|teams?|health|mental\\s+health|care|provision|settings?|day\\s+services?))',
    advice: '"{phrase}" does not say who will deliver the provision. Name the role (for example Teaching Assistant, key person) and the level of training.',
    replacement: () => 'a __ (role)',
    examples: ['an adult', 'a familiar adult', 'adults'],
  },
  {
    id: 'professionals',
    kind: 'unspecified-provider',
    pattern:
      '(?:(?:an?|the|other|any)\\s+)?(?:(?:external|outside|health|trained|qualified|specialist|relevant|visiting|other)\\s+)?professionals?(?!\\s+(?:development|judgement|judgment|advice|reports?|training|meetings?|involved|network))',
    advice: '"{phrase}" does not say who will deliver the provision. Name the profession, for example "Speech and Language Therapist".',
    replacement: () => 'a __ (profession)',
    examples: ['external professionals', 'a professional'],
  },
  // -- whether: discretionary wording
  {
    id: 'as-and-when',
    kind: 'discretionary',
    pattern: 'as\\s+and\\s+when(?:\\s+(?:needed|required|necessary|appropriate))?|if\\s+and\\s+when(?:\\s+(?:needed|required|necessary|appropriate))?',
    advice: '"{phrase}" leaves it to others to decide whether the provision happens at all. Say how often and for how long it will be given.',
    replacement: () => HOW_OFTEN,
    examples: ['as and when', 'as and when required'],
  },
  {
    id: 'as-required',
    kind: 'discretionary',
    pattern: '(?:as|when|if|where|wherever|whenever)\\s+(?:(?:it\\s+is|is|deemed|considered|felt)\\s+)?(?:required|needed|necessary)',
    advice: '"{phrase}" leaves it to others to decide whether the provision happens at all. Say how often and for how long it will be given.',
    replacement: () => HOW_OFTEN,
    examples: ['as required', 'as needed', 'when needed', 'if needed', 'as necessary'],
  },
  {
    id: 'as-appropriate',
    kind: 'discretionary',
    pattern: '(?:as|where|when|if|whenever|wherever)\\s+(?:(?:is\\s+)?(?:deemed|considered|felt|thought)\\s+)?appropriate|as\\s+deemed\\s+(?:suitable|fit)',
    advice: '"{phrase}" lets others decide what, if anything, is provided. State exactly what will be provided, by whom, how often and for how long.',
    examples: ['as appropriate', 'where appropriate', 'as deemed appropriate'],
  },
  {
    id: 'where-possible',
    kind: 'discretionary',
    pattern:
      '(?:where|when|wherever|whenever|if|as\\s+far\\s+as|as\\s+much\\s+as|as\\s+often\\s+as|as\\s+soon\\s+as)\\s+(?:is\\s+)?(?:possible|practicable|feasible)|(?:where|when|if)\\s+(?:available|feasible|practicable|resources\\s+allow|staffing\\s+allows)',
    advice: '"{phrase}" means the provision may not happen. Provision in an EHC plan must be made; state it without conditions.',
    examples: ['where possible', 'when possible', 'wherever possible', 'if available'],
  },
  {
    id: 'if-no-progress',
    kind: 'discretionary',
    pattern:
      'if\\s+(?:(?:sufficient\\s+|good\\s+|expected\\s+)?progress\\s+is\\s+(?:not\\s+(?:being\\s+)?(?:made|seen|evident|achieved)|not|limited|slow|insufficient)|(?:there\\s+is|there\\s+are)\\s+(?:no|little|limited|insufficient|further|ongoing)\\s+(?:progress|concerns?)|concerns\\s+(?:arise|persist|remain|continue)|(?:difficulties|needs)\\s+(?:persist|continue|increase))',
    advice: '"{phrase}" makes the provision depend on something that may never be decided. State the provision now; change it at review if needed.',
    examples: ['if progress is not made', 'if concerns persist'],
  },
  {
    id: 'subject-to',
    kind: 'discretionary',
    pattern:
      'subject\\s+to\\s+(?:(?:regular|ongoing|annual|termly|further|the\\s+outcome\\s+of|a)\\s+)?(?:reviews?|availability|funding|resources|capacity|assessment|agreement|staffing|need)',
    advice: '"{phrase}" makes the provision conditional. The plan is reviewed at the annual review; state the provision without conditions.',
    examples: ['subject to review', 'subject to availability'],
  },
  {
    id: 'discretion',
    kind: 'discretionary',
    pattern:
      "at\\s+the\\s+discretion\\s+of|at\\s+(?:the\\s+)?(?:school|setting|college|nursery|staff|teacher|SENCo)(?:'s|s')?\\s+discretion|(?:according\\s+to|depending\\s+(?:up)?on|dependent\\s+(?:up)?on|in\\s+line\\s+with|based\\s+on|in\\s+response\\s+to)\\s+(?:(?:his|her|their|the\\s+child's|the\\s+young\\s+person's|individual|current|changing)\\s+)?needs?|as\\s+(?:his|her|their)\\s+needs?\\s+(?:dictates?|requires?|change)|as\\s+directed",
    advice: '"{phrase}" leaves the provision to someone\'s judgement. State what will be provided, how often and for how long.',
    examples: ['at the discretion of the SENCo', 'according to need', 'depending on his needs'],
  },
  {
    id: 'try-to',
    kind: 'discretionary',
    pattern: '(?:try|tries|aim|aims|endeavour|endeavours|attempt|attempts|seek|seeks|strive|strives)\\s+to',
    advice: '"{phrase}" is not a commitment. Say what will be done.',
    examples: ['will try to', 'aim to', 'endeavour to'],
  },
  {
    id: 'appropriate',
    kind: 'discretionary',
    pattern:
      'appropriate(?=\\s+(?:resources|equipment|support|strategies|interventions?|provision|programmes?|activities|materials|adjustments|opportunities|tasks|work|level|targets|differentiation|help|aids|breaks))',
    advice: '"Appropriate" leaves the choice to others. Name exactly what will be provided.',
    examples: ['appropriate resources', 'appropriate strategies'],
  },
  // -- whether: optional wording
  {
    id: 'benefit-from',
    kind: 'optional',
    pattern:
      '(?:(?:would|will|may|might|could|should|can)\\s+(?:also\\s+|greatly\\s+|really\\s+|particularly\\s+|further\\s+|continue\\s+to\\s+|likely\\s+)?)?benefits?\\s+from',
    advice: '"{phrase}" is a recommendation, not provision. Say what the child will receive.',
    replacement: (p) => (modals.test(p) ? 'will receive' : 'receive'),
    examples: ['would benefit from', 'may benefit from'],
  },
  {
    id: 'recommended',
    kind: 'optional',
    pattern:
      '(?:it\\s+is|it\\s+was|it\\s+would\\s+be)\\s+(?:strongly\\s+|also\\s+|therefore\\s+|further\\s+)?(?:recommended|advised|suggested|advisable)|(?:i|we)\\s+(?:would\\s+)?(?:strongly\\s+|also\\s+)?(?:recommend|suggest|advise)|recommended(?!\\s+by)|recommendations?(?=\\s+(?:of|from|in|made))',
    advice: '"{phrase}" records advice, not a decision. Write it as what will be provided: who, how often and for how long.',
    examples: ['it is recommended', 'recommended', 'it was suggested'],
  },
  {
    id: 'encouraged-to',
    kind: 'optional',
    pattern: 'encouraged\\s+to|encouragement\\s+to',
    advice: '"{phrase}" describes what the child might do, not what will be provided. Say what staff will do, who, how often and for how long.',
    replacement: () => 'taught by __ to',
    examples: ['encouraged to'],
  },
  {
    id: 'would-be-helpful',
    kind: 'optional',
    pattern:
      '(?:it\\s+)?would\\s+be\\s+(?:helpful|beneficial|useful|advisable|good|ideal|valuable)|ideally|it\\s+is\\s+hoped|hopefully|(?:if|when)\\s+(?:she|he|they)\\s+(?:wishes|wants|chooses|prefers|wish|want|choose)',
    advice: '"{phrase}" leaves the provision optional. State what will be provided.',
    examples: ['would be helpful', 'ideally', 'if she wishes'],
  },
  {
    id: 'consider',
    kind: 'optional',
    pattern: 'consider(?:ation|ed|s|ing)?',
    advice: 'Considering something is not providing it. State what will be provided.',
    examples: ['consider', 'consideration'],
  },
  {
    id: 'modal',
    kind: 'optional',
    pattern: 'should|may|might|could',
    advice: '"{phrase}" makes the provision optional. Provision in an EHC plan is a duty: write "will".',
    replacement: () => 'will',
    examples: ['should', 'may', 'could'],
  },
  // -- how often, how much: unquantified wording
  {
    id: 'access-to',
    kind: 'unquantified',
    pattern: '(?:direct\\s+)?access\\s+to',
    advice: '"{phrase}" says something is available, not that the child will get it. Say who provides it, what it is, how often and for how long.',
    examples: ['access to', 'access to a laptop'],
  },
  {
    id: 'opportunities',
    kind: 'unquantified',
    pattern: 'opportunit(?:y|ies)(?:\\s+(?:to|for))?',
    advice: '"{phrase}" does not say that anything will happen. Say what will be provided, by whom, how often and for how long.',
    replacement: (p) => {
      const tail = /\s(to|for)$/i.exec(p);
      return tail ? `__ x __-minute sessions a week ${tail[1]!.toLowerCase()}` : undefined;
    },
    onlyWhenUnquantified: true,
    examples: ['opportunities to', 'opportunities for'],
  },
  {
    id: 'support',
    kind: 'unquantified',
    pattern: '(?:support|input)(?:\\s+(?:from|with|for))?',
    advice: '"{phrase}" on its own does not say what will be done. Say what the support is, who gives it, how often and for how long.',
    onlyWhenUnquantified: true,
    examples: ['support', 'support from', 'input'],
  },
  {
    id: 'interventions',
    kind: 'unquantified',
    pattern: 'interventions?',
    advice: '"{phrase}" does not say what will be done. Name the intervention, who delivers it, how often and for how long.',
    onlyWhenUnquantified: true,
    examples: ['interventions'],
  },
  {
    id: 'regular',
    kind: 'unquantified',
    pattern:
      'regular(?:ly)?(?!\\s+(?:year\\s+\\d|reception|nursery|class|classroom|classes|school|schools|curriculum|timetable|lessons|teacher|teachers|setting|mainstream|routine|routines|school\\s+day))',
    advice: '"{phrase}" does not say how often. Give a number of times a day, week or term.',
    replacement: (p) => (/ly$/i.test(p) ? '__ times a week' : undefined),
    examples: ['regular', 'regularly'],
  },
  {
    id: 'frequent',
    kind: 'unquantified',
    pattern:
      'frequent(?:ly)?|(?<!how\\s{1,3})often|occasional(?:ly)?|periodic(?:al|ally)?|intermittent(?:ly)?|from\\s+time\\s+to\\s+time|sometimes|at\\s+intervals|at\\s+times(?!\\s+of)',
    advice: '"{phrase}" does not say how often. Give a number of times a day, week or term.',
    replacement: (p) => (/(?:ly|often|sometimes|time|intervals|times)$/i.test(p) ? '__ times a week' : undefined),
    examples: ['frequent', 'occasionally', 'periodically'],
  },
  {
    id: 'bi-weekly',
    kind: 'unquantified',
    pattern: '(?:bi|semi)-?(?:weekly|monthly)',
    advice: '"{phrase}" can mean twice a week or every two weeks. Write which, for example "twice a week" or "fortnightly".',
    examples: ['bi-weekly', 'biweekly'],
  },
  {
    id: 'ongoing',
    kind: 'unquantified',
    pattern: 'on\\s+an\\s+on-?\\s?going\\s+basis|on-?\\s?going|continuous|continual(?:ly)?',
    advice: '"{phrase}" does not say how often or for how long. State the frequency and the length of each session.',
    examples: ['ongoing', 'on an ongoing basis'],
  },
  {
    id: 'some',
    kind: 'unquantified',
    pattern: 'some',
    advice: '"Some" does not say how much. Give the amount.',
    replacement: () => '__',
    examples: ['some'],
  },
  {
    id: 'range-of',
    kind: 'unquantified',
    pattern: 'a\\s+(?:wide\\s+)?(?:range|variety|number|selection|mixture)\\s+of|various|several|a\\s+few|a\\s+little',
    advice: '"{phrase}" leaves it unclear what exactly is provided or how much. Name each item and the amount.',
    examples: ['a range of', 'various', 'several'],
  },
  {
    id: 'differentiated',
    kind: 'unquantified',
    pattern:
      'differentiated\\s+(?:curriculum|work|teaching|tasks|resources|learning|activities|materials|instructions|approach|lessons)|differentiation|(?:quality\\s+first|high[\\s-]quality|good\\s+quality)\\s+teaching',
    advice: '"{phrase}" is what every pupil should get in class. Say what is different for this child, who does it, how often and for how long.',
    examples: ['differentiated curriculum', 'quality first teaching'],
  },
  {
    id: 'strategies-to',
    kind: 'unquantified',
    pattern: 'strategies\\s+(?:to|that|which)\\s+(?:will\\s+)?(?:support|help|develop|manage|promote|aid|assist|encourage|improve|address|meet)|(?:support|appropriate|suitable|recommended|relevant)\\s+strategies',
    advice: '"{phrase}" does not say which strategies. Name them, who uses them and when.',
    examples: ['strategies to support'],
  },
  {
    id: 'tailored',
    kind: 'unquantified',
    pattern:
      "(?:(?:programmes?|programs?|interventions?|support|work|activities|provision|curriculum|approach)\\s+)?(?:tailored|adapted|personalised|individualised|matched|suited)\\s+to\\s+(?:meet\\s+)?(?:(?:his|her|their|the\\s+child's|the\\s+young\\s+person's|individual|[a-z]+'s)\\s+)?(?:own\\s+|individual\\s+|specific\\s+|identified\\s+)?needs?",
    advice: '"{phrase}" does not say what the programme is. Name it, who delivers it, how often and for how long.',
    examples: ['programmes tailored to her needs'],
  },
];

/** Advice and replacement for "small group" / "small class" with no size. */
export const unsizedGroupAdvice = {
  advice: '"{phrase}" does not say how many children are in the group. Give the largest number, for example "a group of no more than 4 pupils".',
  replacement: (phrase: string) => (/class/i.test(phrase) ? 'a class of no more than __ pupils' : 'a group of no more than __ pupils'),
};

/** Advice for "up to N" (a ceiling that could be zero). */
export const ceilingAdvice =
  '"{phrase}" sets only a maximum, so the provision could be nothing. State the amount the child will get, or a minimum ("at least …").';

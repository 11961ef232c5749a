/** Who delivers, devises or oversees: role mentions, the words around them, and the level of expertise. */
import type { Provider } from './types';
import { advisoryRoles, roleKey, roles, type RoleInfo } from './vocabulary';
import { clauseAround, lowerBound, previousWord } from './clauses';

export interface RoleHit {
  role: RoleInfo;
  weak: boolean;
}

export const SEP = '[\\s-]{1,3}';

export interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

export function wordSource(w: string): string {
  if (w === 'and') return '(?:and|&)';
  return w
    .split('')
    .map((c) => (c === "'" ? "'?" : /[A-Za-z0-9]/.test(c) ? c : `\\${c}`))
    .join('');
}

export function emitTrie(node: TrieNode): string {
  const alts = [...node.children.entries()]
    .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
    .map(([w, child]) => {
      const head = wordSource(w);
      if (child.children.size === 0) return head;
      const rest = `${SEP}${emitTrie(child)}`;
      return child.end ? `${head}(?:${rest})?` : `${head}${rest}`;
    });
  return `(?:${alts.join('|')})`;
}

export function lookupKey(s: string): string {
  return roleKey(s).replace(/'/g, '');
}

export interface RoleLexicon {
  aliasRe: RegExp;
  abbrRe: RegExp;
  byKey: Map<string, RoleHit>;
  byAbbr: Map<string, RoleInfo>;
}

export let roleLexicon: RoleLexicon | undefined;

export function getRoleLexicon(): RoleLexicon {
  if (roleLexicon) return roleLexicon;
  const root: TrieNode = { children: new Map(), end: false };
  const byKey = new Map<string, RoleHit>();
  const byAbbr = new Map<string, RoleInfo>();
  const addPhrase = (phrase: string, hit: RoleHit) => {
    const key = roleKey(phrase);
    byKey.set(key.replace(/'/g, ''), hit);
    let node = root;
    for (const w of key.split(' ')) {
      let next = node.children.get(w);
      if (!next) {
        next = { children: new Map(), end: false };
        node.children.set(w, next);
      }
      node = next;
    }
    node.end = true;
  };
  for (const role of roles) {
    addPhrase(role.name, { role, weak: false });
    for (const a of role.aliases) addPhrase(a, { role, weak: false });
    for (const sv of role.services ?? []) addPhrase(sv, { role, weak: true });
    for (const ab of role.abbreviations) byAbbr.set(ab, role);
  }
  const abbrs = [...byAbbr.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`));
  roleLexicon = {
    aliasRe: new RegExp(`(?<![A-Za-z0-9])${emitTrie(root)}(?:s|es)?(?![A-Za-z0-9])`, 'gi'),
    abbrRe: new RegExp(`(?<![A-Za-z0-9&])(?:${abbrs.join('|')})s?(?![A-Za-z0-9&])`, 'g'),
    byKey,
    byAbbr,
  };
  return roleLexicon;
}

export interface Mention {
  role: RoleInfo;
  weak: boolean;
  start: number;
  end: number;
}

export function scanRoles(s: string): Mention[] {
  const lex = getRoleLexicon();
  const hits: Mention[] = [];
  let m: RegExpExecArray | null;
  lex.aliasRe.lastIndex = 0;
  while ((m = lex.aliasRe.exec(s))) {
    const raw = m[0];
    const key = lookupKey(raw);
    const hit = lex.byKey.get(key) ?? lex.byKey.get(key.replace(/s$/, '')) ?? lex.byKey.get(key.replace(/es$/, ''));
    if (hit) hits.push({ role: hit.role, weak: hit.weak, start: m.index, end: m.index + raw.length });
  }
  lex.abbrRe.lastIndex = 0;
  while ((m = lex.abbrRe.exec(s))) {
    const raw = m[0];
    const role = lex.byAbbr.get(raw) ?? lex.byAbbr.get(raw.replace(/s$/, ''));
    if (role) hits.push({ role, weak: false, start: m.index, end: m.index + raw.length });
  }
  scanGenericRoles(s, hits);
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue;
    out.push(h);
    lastEnd = h.end;
  }
  return out;
}

// Context around a role: who devises, oversees or delivers, and references that are not provision.
export const DET = "(?:(?:the|an?|their|his|her|its|[A-Za-z]+'s|a\\s+named|the\\s+named)\\s+)?";
export const PRE_DELIVER = new RegExp(
  `(?:delivered|provided|led|run|taught|facilitated|given|carried\\s+out|implemented|undertaken|completed|offered|supported|staffed|done)\\s+(?:by|with)\\s+${DET}(?:[\\w'-]+\\s+){0,3}$`,
  'i',
);
export const PRE_DEVISE = new RegExp(
  `(?:devised|designed|written|set|planned|created|developed|prescribed|recommended|advised|drawn\\s+up|put\\s+together|established|agreed|produced|specified|informed|guided|directed)\\s+(?:by|with|from)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$|(?:programmes?|targets|strategies|recommendations|exercises)\\s+(?:from|of|by)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
export const PRE_OVERSEE = new RegExp(
  `(?:under\\s+the\\s+(?:supervision|direction|guidance|oversight)\\s+of|(?:supervised|overseen|trained|monitored|reviewed|modelled|quality\\s+assured)\\s+(?:[A-Za-z-]+\\s+)?by|(?:guidance|training|consultation|supervision|oversight)\\s+(?:from|by)|in\\s+consultation\\s+with|in\\s+liaison\\s+with|liais(?:ing|e)\\s+with|liaison\\s+with|in\\s+partnership\\s+with)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
/** Roles that receive: "shared with all staff", "advice to the class teacher", "train the TA". */
export const PRE_RECIPIENT = new RegExp(
  `(?:shared\\s+with|given\\s+to|sent\\s+to|circulated\\s+to|copied\\s+to|made\\s+available\\s+to|(?:training|advice|guidance|support|feedback|strategies|information|consultation)\\s+(?:for|to)|train|trains|training|inform|informs|advise|advises|brief|briefs|coach|coaches|upskill|upskills)\\s+${DET}(?:[\\w'-]+\\s+){0,1}$`,
  'i',
);
/** "train the TA, who will then deliver ...": the one trained delivers. */
export const RECIPIENT_THEN_DELIVERS =
  /^(?:'s|s')?[\s,]{0,3}(?:(?:who|and|that)\s+(?:will|can|would|then|is\s+to|are\s+to)\s+(?:then\s+|also\s+)?|to\s+(?:then\s+)?)(?:deliver|run|provide|carry\s+out|implement|lead|teach|use|do|complete|follow)(?![A-Za-z])/i;
export const PRE_REFERENCE = new RegExp(
  `(?:referral\\s+to|referred\\s+to|refer\\s+to|re-refer\\s+to|assessed\\s+by|diagnosed\\s+by|identified\\s+by|according\\s+to|reports?\\s+(?:from|by|of)|as\\s+(?:outlined|set\\s+out|described|detailed|stated)\\s+(?:by|in)|waiting\\s+list\\s+for|discharged\\s+(?:from|by)|known\\s+to|(?:assessments?|observations?|involvement|advice\\s+report|report)\\s+(?:by|from|of))\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
export const POST_REFERENCE =
  /^(?:'s|s')?\)?[\s,]{0,3}(?:(?:reports?|letters?|appendix|referrals?|recommendations?|assessment\s+report|discharge)(?![A-Za-z])|advice(?=\s{0,2}[(:-]|\s+(?:report|dated|in\s+appendix|appendix|section))|(?:has\s+|have\s+)?(?:recommended|recommends|advised|advises|suggested|suggests|reported|noted|notes|found|observed|assessed|identified|diagnosed|concluded|states|stated|wrote|writes)(?![A-Za-z])(?!\s+by))/i;
export const POST_DEVISE_NOUN =
  /^(?:'s|s')?[\s-]{0,2}(?:(?:-?devised|-?designed|-?set|-?recommended|-?prescribed|-?written|-?led|home|school|individual|daily|sensory|motor|language|communication|listening|attention|social|fine\s+motor|gross\s+motor|therapy|exercise|stretching|strengthening)[\s-]{1,2}){0,2}(?:programmes?|programs?|targets?|exercises?|plans?|strategies|guidelines|recommendations|activities|routines?)(?![A-Za-z])/i;
export const POST_DEVISE_VERB =
  /^\s{1,3}(?:will|to|should|may|would|can|must|shall)\s+(?:(?:also|then|initially|first|jointly|together)\s+)?(?:devise|design|write|set(?:\s+up(?=\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:programmes?|plans?|targets|exercises)))?(?!\s+up)|plan|create|develop|draw\s+up|prescribe|produce|provide\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:programmes?|plans?|targets|exercises|strategies|resources))(?![A-Za-z])/i;
export const POST_OVERSEE_VERB =
  /^\s{1,3}(?:will|to|should|may|would|can|must|shall)\s+(?:(?:also|then|initially|regularly|continue\s+to)\s+)?(?:oversee|supervise|train|model|quality\s+assure|provide\s+(?:training|supervision|support\s+(?:to|for)\s+(?:staff|school|the\s+school|the\s+setting))|support\s+(?:staff|school|the\s+school|the\s+setting|the\s+ta|teachers|the\s+class\s+teacher)|deliver\s+training)(?![A-Za-z])/i;
export const POST_ALSO_DELIVERS =
  /\b(?:and|then|also|before|after\s+which\s+(?:she|he|they)\s+will)\s+(?:will\s+)?(?:also\s+)?(?:deliver|provide\s+(?:direct|individual|1:1|\d|one|two|three|four|five|six|a\s+block|sessions?)|run|lead|see\s+(?:her|him|them|[A-Z])|work\s+(?:directly\s+)?with|teach|meet|visit|assess)\b/i;
export const POST_ALSO_OVERSEES = /\b(?:and|then|also)\s+(?:will\s+)?(?:also\s+)?(?:train|supervise|oversee|model\s+(?:strategies|approaches|the\s+programme))\b/i;
export const POST_COMPOUND_OVERSEE = /^[\s-]{0,2}(?:trained|supervised|directed|approved)[\s,]+(?:and\s+[\w-]+\s+)?/i;
export const POST_COMPOUND_DEVISE = /^[\s-]{0,2}(?:devised|designed|prescribed|recommended)[\s,]+(?:and\s+[\w-]+\s+)?/i;

// Level of expertise
/** Named trainings written before a role ("a Makaton trained TA"). */
export const TRAINING_NAMES =
  'Makaton|ELKLAN|Team\\s?Teach|PECS|TEACCH|Lego|Attention\\s+Autism|Intensive\\s+Interaction|Precision\\s+Teaching|ELSA|Thrive|Nurture|SaLT|SALT|SLT|OT|EP|NELI|Lexia|Read\\s+Write\\s+Inc|RWI|Talk\\s+Boost|Zones\\s+of\\s+Regulation|SCERTS|Sensory\\s+Circuits|Lamh|BSL|Braille|Moving\\s+and\\s+Handling|Epilepsy|Autism|Dyslexia|Phonics';
export const PRE_QUAL = new RegExp(
  '(?:^|[^A-Za-z0-9-])(' +
    '(?:HCPC|RCSLT|BACP|UKCP|BPS|NMC|SWE|BAAT|BADth|BAMT)(?:[\\s-]+and[\\s-]+(?:HCPC|RCSLT))?[\\s-]+(?:registered|accredited)' +
    '|(?:fully|suitably|appropriately|specially|specifically|highly|well|formally|professionally|specialist|SaLT|SALT|SLT|OT|EP)[\\s-]+(?:qualified|trained)' +
    '|(?:highly[\\s-]+)?(?:experienced|specialist)' +
    '|qualified|trained|registered|accredited|certified|senior|advanced|skilled|chartered' +
    `|[A-Za-z]{2,20}-(?:trained|qualified|accredited)|(?:${TRAINING_NAMES})[\\s-]+trained` +
    '|level[\\s-]?\\d|band[\\s-]?\\d' +
    ')[\\s,]{1,3}(?:and\\s+)?$',
  'i',
);
export const PRE_SKIP =
  /(?:^|[^A-Za-z0-9-])(named|designated|dedicated|consistent|familiar|additional|allocated|1:1|one-to-one|one\s+to\s+one|full-time|full\s+time|part-time|individual|assigned|identified|nominated|own|same|school|setting|class|nursery|college|school's|second|extra|paediatric|specialist)[\s,]{1,3}$/i;
export const POST_QUAL = new RegExp(
  "^(?:'s)?\\)?\\s{0,3}(?:\\(\\s{0,2}(?<paren>[^()\\n]{1,80})\\)|,?\\s{0,2}(?:(?:who|which|that)\\s+(?:is|are|has\\s+been|have\\s+been|will\\s+be)\\s+|(?:is|are|has\\s+been|will\\s+be|must\\s+be|should\\s+be|will\\s+have\\s+been)\\s+)?(?<q>" +
    '(?:(?:fully|suitably|appropriately|specifically|specially|formally|highly)\\s+)?(?:trained|qualified|registered|experienced|accredited|certified|skilled|competent)\\s+(?:in|by|on|with|to|as|at|for)(?![A-Za-z])' +
    '|(?:trained|qualified)(?=\\s{0,2}(?:[,.;)]|$))' +
    '|with\\s+(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+|over\\s+|more\\s+than\\s+)?(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\+?\\s+years?' +
    "|with\\s+(?:(?:recent|current|specific|relevant|specialist|appropriate|accredited|formal|up-to-date|the\\s+mandatory|mandatory|additional)\\s+)?(?:training|experience|expertise|qualifications?|QTS|qualified\\s+teacher\\s+status|knowledge|a\\s+(?:level|diploma|degree|certificate|qualification|masters|master's)|an?\\s+(?:accredited|recognised|relevant|NVQ)|makaton|level\\s+\\d|BSL|British\\s+Sign\\s+Language)" +
    "|with\\s+(?:an?\\s+)?(?:[\\w'-]+\\s+){0,3}(?:qualification|certificate|accreditation|diploma|degree|training|registration)(?![A-Za-z])" +
    '|holding(?![A-Za-z])|who\\s+(?:holds|has|have)\\s+(?:completed|undertaken|attended|received|achieved|gained|passed)(?![A-Za-z])' +
    '|under\\s+the\\s+(?:supervision|direction|guidance|oversight)\\s+of' +
    '|(?:supervised|overseen|directed|guided)\\s+by' +
    '|(?:at|to)\\s+level\\s+\\d|level\\s+\\d' +
    '|registered\\s+with|qualified\\s+to' +
    '))',
  'i',
);
export const QUAL_PAREN = /train|level|regist|qualif|hcpc|makaton|experien|accredit|nvq|diploma|degree|band\s?\d|certif|elklan|qts|bsl|years?|supervis/i;
export const QUAL_STOP =
  /\s(?:will|who\s+will|to\s+(?:deliver|support|help|work|provide|run|lead|use|develop|improve|teach|implement|carry|address|target|meet)|for\s|during|across|throughout|in\s+(?:every|all|each)|each\s|every\s|daily|weekly|and\s+(?:delivered|will|who|to\s|supervised|overseen|monitored|reviewed)|delivered|delivering|providing|working|so\s+that|in\s+order|on\s+a\s|as\s+part|at\s+(?:least|all|break|lunch))|[,.;:()\n]/i;

export interface ProviderDraft extends Provider {
  weak: boolean;
  reference: boolean;
}

/** Work bounds: a provision item never names this many roles or vague phrases; beyond them the rest is not read. */
export const MAX_MENTIONS = 120;

export const PRE_QUAL_TAIL = /(?:registered|accredited|qualified|trained|experienced|specialist|senior|advanced|skilled|chartered|\d)[\s,]{1,3}(?:and\s+)?$/i;
export const PRE_SKIP_TAIL = new Set(
  'named designated dedicated consistent familiar additional allocated 1:1 one-to-one one full-time time part-time individual assigned identified nominated own same 1 school setting class nursery college school\'s second extra paediatric specialist'.split(' '),
);

export function readProviders(s: string, text: string, breaks: readonly number[], mentions: readonly Mention[], stopAt: readonly number[]): ProviderDraft[] {
  const drafts: ProviderDraft[] = [];
  for (let i = 0; i < mentions.length && i < MAX_MENTIONS; i++) {
    const mn = mentions[i]!;
    const [cStart, cEnd] = clauseAround(breaks, mn.start, s.length);
    const pre = s.slice(Math.max(cStart, mn.start - 70), mn.start);
    const post = s.slice(mn.end, Math.min(cEnd, mn.end + 120));
    const nextMention = mentions[i + 1];
    // What this role does, read up to the next role ("the OT will train the TA, who will then deliver").
    const ownPost = nextMention && nextMention.start - mn.end < post.length ? post.slice(0, nextMention.start - mn.end) : post;

    let capacity: Provider['capacity'] = 'delivers';
    let reference = false;
    let alsoDelivers = false;
    let alsoOversees = false;
    // Someone who usually delivers (a TA, a class teacher) and is "supervised by" or "written by" still delivers.
    const advisory = advisoryRoles.has(mn.role.name) || mn.weak;
    const hyphenTrained = /^-(?:trained|qualified|accredited)(?![A-Za-z])/i.test(post);
    if (POST_REFERENCE.test(post)) reference = true;
    else if (hyphenTrained) {
      // "ELSA-trained staff", "SaLT-trained TA": a training, not a deliverer.
      if (advisory) capacity = 'oversees';
      else reference = true;
    } else if (/under\s+(?:the\s+)?$/i.test(pre) && /^(?:'s|s')\s+(?:direction|supervision|guidance|oversight)(?![A-Za-z])/i.test(post)) capacity = 'oversees';
    else if (PRE_DELIVER.test(pre)) capacity = 'delivers';
    else if (advisory && PRE_OVERSEE.test(pre)) capacity = 'oversees';
    else if (advisory && PRE_DEVISE.test(pre)) capacity = 'devises';
    else if (PRE_REFERENCE.test(pre)) reference = true;
    else if (PRE_RECIPIENT.test(pre) && !RECIPIENT_THEN_DELIVERS.test(post)) reference = true;
    else if (mn.role.name === 'All Staff' && /(?:^|\s)(?:for|to|with)\s+$/i.test(pre)) reference = true;
    else {
      const compound = POST_COMPOUND_OVERSEE.exec(post) ?? POST_COMPOUND_DEVISE.exec(post);
      if (compound && nextMention && nextMention.start - mn.end <= compound[0].length + 1) {
        // "a SaLT-trained TA", "an OT-devised programme delivered by ..."
        capacity = POST_COMPOUND_OVERSEE.test(post) ? 'oversees' : 'devises';
      } else if (advisory && POST_DEVISE_VERB.test(post) && !(mn.weak && /^\s{1,3}to\s/i.test(post))) {
        // "occupational therapy to develop his handwriting" says what the therapy is for, not who devises.
        capacity = 'devises';
        alsoDelivers = POST_ALSO_DELIVERS.test(ownPost);
        alsoOversees = POST_ALSO_OVERSEES.test(ownPost);
      } else if (advisory && POST_OVERSEE_VERB.test(post)) {
        capacity = 'oversees';
        alsoDelivers = POST_ALSO_DELIVERS.test(ownPost);
      } else if (advisory && POST_DEVISE_NOUN.test(post)) capacity = 'devises';
      else if (/^[\s-]{0,2}devised(?![A-Za-z])/i.test(post)) capacity = 'devises';
    }

    // Level of expertise written before the role ("an HCPC-registered", "a trained, experienced").
    const quals: string[] = [];
    let spanStart = mn.start;
    if (!mn.weak) {
      let scanEnd = mn.start;
      for (let k = 0; k < 5; k++) {
        const slice = s.slice(Math.max(cStart, scanEnd - 40), scanEnd);
        if (!PRE_QUAL_TAIL.test(slice.slice(-16)) && !PRE_SKIP_TAIL.has(previousWord(slice, slice.length).replace(/,$/, ''))) break;
        const q = PRE_QUAL.exec(slice);
        if (q) {
          const qStart = scanEnd - slice.length + q.index + (q[0].length - q[0].trimStart().length);
          quals.unshift(text.slice(qStart, qStart + q[1]!.length).trim());
          spanStart = qStart;
          scanEnd = qStart;
          continue;
        }
        const sk = PRE_SKIP.exec(slice);
        if (sk) {
          scanEnd = scanEnd - slice.length + sk.index + (sk[0].length - sk[0].trimStart().length);
          continue;
        }
        break;
      }
      // Level of expertise written after it ("trained in Attention Autism", "(Makaton Level 1)").
      const pq = POST_QUAL.exec(post);
      if (pq) {
        const g = pq.groups!;
        if (g.paren !== undefined) {
          if (QUAL_PAREN.test(g.paren)) quals.push(g.paren.trim());
        } else if (g.q !== undefined) {
          const qStart = pq[0].length - g.q.length;
          let qEnd = Math.min(post.length, qStart + 90);
          const rest = post.slice(qStart + g.q.length, qEnd);
          const stop = QUAL_STOP.exec(rest);
          if (stop) qEnd = qStart + g.q.length + stop.index;
          const absStart = mn.end + qStart;
          const si = lowerBound(stopAt, absStart + g.q.length + 1);
          const st = stopAt[si];
          if (st !== undefined && st < mn.end + qEnd) qEnd = st - mn.end;
          const words = text.slice(absStart, mn.end + qEnd).replace(/[\s,]+(?:and|or|to|for|with|of|the|a|an|by|in)?\s*$/i, '').trim();
          if (words) quals.push(words);
        }
      }
    }
    const draft: ProviderDraft = {
      role: mn.role.name,
      text: text.slice(spanStart, mn.end),
      span: { start: spanStart, end: mn.end },
      capacity,
      weak: mn.weak,
      reference,
    };
    if (quals.length) draft.qualification = quals.join(', ');
    drafts.push(draft);
    if (alsoDelivers) drafts.push({ ...draft, capacity: 'delivers' });
    if (alsoOversees) drafts.push({ ...draft, capacity: 'oversees' });
  }
  return drafts;
}

/** Drop references, weak mentions when a person is named, and repeats of the same role in the same capacity. */
export function settleProviders(drafts: readonly ProviderDraft[]): Provider[] {
  const strongDeliverer = drafts.some((d) => !d.reference && !d.weak && d.capacity === 'delivers');
  const out: Provider[] = [];
  const seen = new Map<string, Provider>();
  const weakText = new Set<Provider>();
  for (const d of drafts) {
    if (d.reference) continue;
    if (d.weak && d.capacity === 'delivers' && strongDeliverer) continue;
    const key = `${d.role}\u0000${d.capacity}`;
    const prior = seen.get(key);
    if (prior) {
      if (!prior.qualification && d.qualification) prior.qualification = d.qualification;
      if (weakText.has(prior) && !d.weak) {
        prior.text = d.text;
        prior.span = d.span;
        weakText.delete(prior);
      }
      continue;
    }
    const p: Provider = { role: d.role, text: d.text, span: d.span, capacity: d.capacity };
    if (d.qualification) p.qualification = d.qualification;
    seen.set(key, p);
    if (d.weak) weakText.add(p);
    out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Roles in less common forms: a person named by their training rather than a listed title
// ("a practitioner trained in Theraplay", "a certified PROACT-SCIPr-UK instructor", "two adults").

const GENERIC_HEADS: Record<string, string> = {
  practitioner: 'Practitioner', instructor: 'Instructor', trainer: 'Trainer', facilitator: 'Facilitator', leader: 'Leader',
  interpreter: 'Interpreter', transcriber: 'Transcriber', signer: 'Signer', coach: 'Coach', supervisor: 'Supervisor',
  clinician: 'Clinician', therapist: 'Therapist', worker: 'Worker', officer: 'Officer', mentor: 'Mentor', carer: 'Carer',
  specialist: 'Specialist', tutor: 'Tutor', adult: 'Adult', 'member of staff': 'Member of Staff', 'staff member': 'Member of Staff', staff: 'Member of Staff',
};
/** Names given to roles read from their training rather than a listed title. */
export const GENERIC_ROLE_NAMES: ReadonlySet<string> = new Set(Object.values(GENERIC_HEADS));
const HEAD = '(?<head>[Pp]ractitioner|[Ii]nstructor|[Tt]rainer|[Ff]acilitator|[Ll]eader|[Ii]nterpreter|[Tt]ranscriber|[Ss]igner|[Cc]oach|[Ss]upervisor|[Cc]linician|[Tt]herapist|[Ww]orker|[Oo]fficer|[Mm]entor|[Cc]arer|[Tt]utor)(?:s|es)?';
const PERSON = '(?<person>adults?|members?\\s+of\\s+staff|staff\\s+members?)';
const PREQUAL_WORD = '(?:qualified|trained|certified|licensed|accredited|registered|approved|[A-Za-z]{2,20}-(?:trained|licensed|qualified|accredited|certified|registered))';
/** A word of a named approach or qualification: capitalised ("Intensive", "PROACT-SCIPr-UK", "BSL"), "Level 3". */
const NAMED_WORD = "(?:(?!(?:A|An|The|This|That|These|Each|Every|All|Any|His|Her|Their|Our|My|One|Two|Three|Four|In|On|At|By|For|With|From|To|Weekly|Daily)(?![A-Za-z0-9'&+-]))[A-Z][A-Za-z0-9'&+-]{0,24}|[Ll]evel\\s?\\d)";
const GENERIC_RE = new RegExp(
  // "two adults", "2 members of staff", "three trained staff": a stated number of people is a staffing level.
  `(?<![A-Za-z0-9])(?<count>[Tt]wo|[Tt]hree|[Ff]our|[2-4])\\s{1,2}(?:(?:trained|named|familiar|designated|additional|experienced|qualified|consistent|dedicated|allocated|identified|skilled)\\s{1,2}){0,2}(?<counted>adults|members\\s+of\\s+(?:the\\s+)?(?:school\\s+|support\\s+|teaching\\s+)?staff|staff(?:\\s+members)?)(?![A-Za-z])` +
    // "a certified PROACT-SCIPr-UK instructor", "an Intensive Interaction practitioner", "a BSL Level 6 qualified interpreter".
    `|(?<![A-Za-z0-9-])(?<named>(?:(?:${PREQUAL_WORD}|${NAMED_WORD})[\\s-]{1,2}(?:(?:${PREQUAL_WORD}|${NAMED_WORD}|(?!(?:will|would|can|could|should|must|shall|may|have|has|had|is|are|be|been|was|were|to|and|or|the|a|an|of|with|for|by|from|in|on|at|his|her|their|who|which|that|receive|receives|get|gets|see|sees|attend|attends|also|then|weekly|daily)(?![a-z]))[a-z]{2,15})[\\s-]{1,2}){0,4})?)${HEAD}(?![A-Za-z])` +
    // "a Team Teach-trained member of staff", "an ELSA-trained adult": a named training before the person.
    "|(?<![A-Za-z0-9-])(?<hyph>(?:[A-Z][A-Za-z0-9&'+]{0,20}\\s){0,3}(?!(?:well|suitably|appropriately|fully|highly|specially|properly|specifically|formally|newly)-)[A-Za-z][A-Za-z0-9&'+]{1,20}-(?:trained|qualified|certified|accredited|licensed))\\s{1,2}(?<person2>adults?|members?\\s+of\\s+staff|staff\\s+members?)(?![A-Za-z])" +
    // "a member of staff trained in gastrostomy feeding", "an adult trained by the diabetes nurse".
    `|(?<![A-Za-z])${PERSON}(?=,?\\s{1,2}(?:who\\s+(?:is|are|has\\s+been|have\\s+been)\\s+)?(?:(?:fully|specifically|specially)\\s+)?(?:trained|qualified|certified|accredited|licensed)\\s+(?:in|by|on|to)\\s)`,
  'g',
);
const PREQUAL_TEST = new RegExp(`(?:^|[\\s-])${PREQUAL_WORD}(?![A-Za-z])|(?:^|\\s)[A-Z]`);
const POST_TRAINED = /^,?\s{1,2}(?:who\s+(?:is|are|has\s+been|have\s+been)\s+)?(?:(?:fully|specifically|specially|suitably|appropriately)\s+)?(?:trained|qualified|certified|accredited|licensed|experienced)\s+(?:in|by|on|to|as)\s/;

/** A cheap test first: the words a generic role needs. */
const GENERIC_QUICK = /practitioner|instructor|trainer|facilitator|leader|interpreter|transcriber|signer|coach|supervisor|clinician|therapist|worker|officer|mentor|carer|tutor|adult|staff/i;

const genericRoles = new Map<string, RoleInfo>();
function genericRole(name: string): RoleInfo {
  let r = genericRoles.get(name);
  if (!r) {
    r = { name, abbreviations: [], aliases: [], sector: 'education' };
    genericRoles.set(name, r);
  }
  return r;
}

function scanGenericRoles(s: string, hits: Mention[]): void {
  if (!GENERIC_QUICK.test(s)) return;
  const known = [...hits].sort((a, b) => a.start - b.start);
  const taken = (start: number, end: number) => known.some((h) => h.start < end && start < h.end);
  GENERIC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GENERIC_RE.exec(s)) && hits.length < 400) {
    const g = m.groups!;
    let start = m.index;
    const end = m.index + m[0].length;
    let name: string | undefined;
    if (g.counted) name = /adult/i.test(g.counted) ? 'Adult' : 'Member of Staff';
    else if (g.person) name = /adult/i.test(g.person) ? 'Adult' : 'Member of Staff';
    else if (g.person2) {
      start = m.index + m[0].length - g.person2.length;
      name = /adult/i.test(g.person2) ? 'Adult' : 'Member of Staff';
    }
    else if (g.head) {
      const named = g.named ?? '';
      // Named by a qualification or an approach before it, or "trained in ..." after it.
      if (!PREQUAL_TEST.test(named) && !POST_TRAINED.test(s.slice(end, end + 40))) continue;
      // Start at the first named or qualifying word ("certified" is read as the level of expertise).
      const lead = /^(?:(?:qualified|trained|certified|licensed|accredited|registered|approved)[\s-]{1,2})+/i.exec(named);
      start = m.index + (lead ? lead[0].length : 0);
      name = GENERIC_HEADS[g.head.toLowerCase()];
    }
    if (!name || taken(start, end)) continue;
    hits.push({ role: genericRole(name), weak: false, start, end });
  }
}

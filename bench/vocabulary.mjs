/**
 * Word pools for generated assessments. Varied enough that no two paragraphs of a large document
 * are the same text (the incremental parser and the rules must see real prose, not one block
 * repeated), and close to what country agents write: actors, capitals, demonyms, estimative terms.
 */

/** Agents and the states they cover; `code` is the sign-off's agent id prefix. */
export const AGENTS = [
  { code: 'US', role: 'US Agent', desk: 'Three Corporate' },
  { code: 'UK', role: 'UK Agent', desk: 'Europe Desk' },
  { code: 'FR', role: 'France Agent', desk: 'Europe Desk' },
  { code: 'IN', role: 'India Agent', desk: 'South Asia Desk' },
  { code: 'JP', role: 'Japan Agent', desk: 'Northeast Asia Desk' },
  { code: 'PH', role: 'Philippines Agent', desk: 'Maritime Southeast Asia Desk' },
  { code: 'TR', role: 'Turkey Agent', desk: 'Eastern Mediterranean Desk' },
  { code: 'BR', role: 'Brazil Agent', desk: 'Americas Desk' },
  { code: 'ZA', role: 'South Africa Agent', desk: 'Africa Desk' },
  { code: 'DE', role: 'Germany Agent', desk: 'Europe Desk' },
];

export const ACTORS = [
  { name: 'Iran', capital: 'Tehran', demonym: 'Iranian' },
  { name: 'Israel', capital: 'Jerusalem', demonym: 'Israeli' },
  { name: 'Oman', capital: 'Muscat', demonym: 'Omani' },
  { name: 'Qatar', capital: 'Doha', demonym: 'Qatari' },
  { name: 'Saudi Arabia', capital: 'Riyadh', demonym: 'Saudi' },
  { name: 'Turkey', capital: 'Ankara', demonym: 'Turkish' },
  { name: 'Egypt', capital: 'Cairo', demonym: 'Egyptian' },
  { name: 'Russia', capital: 'Moscow', demonym: 'Russian' },
  { name: 'Ukraine', capital: 'Kyiv', demonym: 'Ukrainian' },
  { name: 'China', capital: 'Beijing', demonym: 'Chinese' },
  { name: 'Japan', capital: 'Tokyo', demonym: 'Japanese' },
  { name: 'the Philippines', capital: 'Manila', demonym: 'Philippine' },
  { name: 'Vietnam', capital: 'Hanoi', demonym: 'Vietnamese' },
  { name: 'India', capital: 'New Delhi', demonym: 'Indian' },
  { name: 'Pakistan', capital: 'Islamabad', demonym: 'Pakistani' },
  { name: 'Germany', capital: 'Berlin', demonym: 'German' },
  { name: 'France', capital: 'Paris', demonym: 'French' },
  { name: 'Poland', capital: 'Warsaw', demonym: 'Polish' },
  { name: 'Hungary', capital: 'Budapest', demonym: 'Hungarian' },
  { name: 'Serbia', capital: 'Belgrade', demonym: 'Serbian' },
  { name: 'Brazil', capital: 'Brasília', demonym: 'Brazilian' },
  { name: 'Venezuela', capital: 'Caracas', demonym: 'Venezuelan' },
  { name: 'Colombia', capital: 'Bogotá', demonym: 'Colombian' },
  { name: 'Ethiopia', capital: 'Addis Ababa', demonym: 'Ethiopian' },
  { name: 'Sudan', capital: 'Khartoum', demonym: 'Sudanese' },
  { name: 'Nigeria', capital: 'Abuja', demonym: 'Nigerian' },
  { name: 'South Korea', capital: 'Seoul', demonym: 'South Korean' },
  { name: 'North Korea', capital: 'Pyongyang', demonym: 'North Korean' },
];

/** The United States as agents name it: the built-in schema knows these aliases. */
export const UNITED_STATES = ['the United States', 'Washington', 'the U.S.', 'the U.S. delegation', 'the US administration'];

export const TOPICS = [
  { title: 'Nuclear Talks', noun: 'the nuclear track', objects: ['uranium enrichment limits', 'an inspection regime', 'sanctions relief', 'a moratorium on enrichment', 'access for inspectors'] },
  { title: 'Maritime Standoff', noun: 'the maritime standoff', objects: ['coast guard patrols', 'fishing access', 'a code of conduct', 'naval escorts', 'survey ship operations'] },
  { title: 'Border Ceasefire', noun: 'the ceasefire', objects: ['a monitoring mission', 'prisoner exchanges', 'a buffer zone', 'artillery withdrawals', 'humanitarian corridors'] },
  { title: 'Energy Corridor', noun: 'the pipeline deal', objects: ['gas transit fees', 'a pipeline consortium', 'export licences', 'storage quotas', 'grid interconnection'] },
  { title: 'Election Crisis', noun: 'the disputed election', objects: ['a recount', 'an electoral commission inquiry', 'opposition rallies', 'emergency decrees', 'observer missions'] },
  { title: 'Sanctions Regime', noun: 'the sanctions package', objects: ['secondary sanctions', 'export controls', 'asset freezes', 'shipping insurance bans', 'banking restrictions'] },
  { title: 'Water Dispute', noun: 'the dam negotiation', objects: ['reservoir filling schedules', 'a data-sharing agreement', 'drought provisions', 'an arbitration clause', 'downstream releases'] },
  { title: 'Missile Programme', noun: 'the missile programme', objects: ['flight tests', 'launch-site construction', 'export of components', 'a testing moratorium', 'missile defence deployments'] },
];

export const PAST_VERBS = ['announced', 'rejected', 'proposed', 'suspended', 'resumed', 'expanded', 'condemned', 'signalled support for', 'postponed', 'conditioned its support on', 'reaffirmed', 'questioned', 'tabled', 'endorsed', 'pressed for'];
export const INFINITIVES = ['accept', 'reject', 'delay', 'expand', 'suspend', 'resume', 'formalise', 'renegotiate', 'limit', 'publicise', 'link', 'tie concessions to', 'abandon', 'test'];
export const SOURCES = ['state media', 'diplomatic sources', 'a foreign ministry statement', 'commercial satellite imagery', 'officials speaking on condition of anonymity', 'a leaked negotiating draft', 'parliamentary testimony', 'shipping data'];
export const REASONS = ['domestic pressure', 'fears of escalation', 'economic strain', 'an approaching election', 'pressure from hardliners', 'concern over verification', 'mounting casualties', 'a collapse in export revenue'];
export const OBSTACLES = ['deep mutual mistrust', 'disagreement over sequencing', 'hardline opposition at home', 'the absence of a mediator', 'competing regional agendas', 'unresolved legal claims'];
export const QUALIFIERS = ['for now', 'at least until the next round', 'unless the mediator changes course', 'while the talks continue', 'in the coming weeks', 'before the summer'];
export const THEMES = ['Negotiating Space', 'Domestic Politics', 'Regional Pressure', 'Economic Leverage', 'Military Posture', 'Mediation', 'Verification', 'Alliance Cohesion', 'Public Opinion', 'Legal Constraints'];
export const OUTCOME_NOUNS = ['Limited Confidence-Building Measures', 'Talks Collapse and Escalation', 'Quiet Interim Arrangement', 'Frozen Conflict', 'Comprehensive Framework Deal', 'Regional Spillover', 'Managed Stalemate', 'Sudden Breakthrough', 'Proxy Escalation', 'Mediated Pause'];

/** ICD 203 terms from one row (row 1), as clean assessments use them. */
export const LIKELY_TERMS = ['almost certainly', 'very likely', 'likely'];
export const UNLIKELY_TERMS = ['unlikely', 'very unlikely'];
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'];
export const CONFIDENCE_BASES = [
  'the consistent pattern of official statements since 2024',
  'reporting from several independent sources',
  'commercial satellite imagery and shipping data',
  'the parties’ conduct in earlier rounds',
  'public statements that we cannot corroborate',
];

export const SCENARIO_LABELS = { likely: ['Most Likely', 'Base Case'], other: ['Alternative Scenario', 'Risk Scenario', 'Worst Case', 'Best Case', 'Wildcard'] };
export const HORIZONS = ['Short Term', 'Medium Term', 'Long Term', 'Next Six Months', 'Next 12 Months'];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

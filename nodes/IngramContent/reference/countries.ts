/**
 * Countries as the CDF order file wants them: Ingram's records 29 and 34 carry a three-letter
 * country (ISO 3166-1 alpha-3, e.g. USA), while shops hand over alpha-2 codes or plain names.
 * The table is ISO 3166-1 (alpha-2, alpha-3, English short name), taken from the iso-codes project's
 * iso_3166-1.json (release 4.15); the package has no runtime dependencies, so the list lives here
 * rather than in a country library.
 */

/** One ISO 3166-1 entry: alpha-2, alpha-3, English short name. */
export type CountryRow = readonly [alpha2: string, alpha3: string, name: string];

/** ISO 3166-1, sorted by alpha-2 (all 249 officially assigned codes). */
export const COUNTRIES: readonly CountryRow[] = [
	['AD', 'AND', 'Andorra'],
	['AE', 'ARE', 'United Arab Emirates'],
	['AF', 'AFG', 'Afghanistan'],
	['AG', 'ATG', 'Antigua and Barbuda'],
	['AI', 'AIA', 'Anguilla'],
	['AL', 'ALB', 'Albania'],
	['AM', 'ARM', 'Armenia'],
	['AO', 'AGO', 'Angola'],
	['AQ', 'ATA', 'Antarctica'],
	['AR', 'ARG', 'Argentina'],
	['AS', 'ASM', 'American Samoa'],
	['AT', 'AUT', 'Austria'],
	['AU', 'AUS', 'Australia'],
	['AW', 'ABW', 'Aruba'],
	['AX', 'ALA', 'Åland Islands'],
	['AZ', 'AZE', 'Azerbaijan'],
	['BA', 'BIH', 'Bosnia and Herzegovina'],
	['BB', 'BRB', 'Barbados'],
	['BD', 'BGD', 'Bangladesh'],
	['BE', 'BEL', 'Belgium'],
	['BF', 'BFA', 'Burkina Faso'],
	['BG', 'BGR', 'Bulgaria'],
	['BH', 'BHR', 'Bahrain'],
	['BI', 'BDI', 'Burundi'],
	['BJ', 'BEN', 'Benin'],
	['BL', 'BLM', 'Saint Barthélemy'],
	['BM', 'BMU', 'Bermuda'],
	['BN', 'BRN', 'Brunei Darussalam'],
	['BO', 'BOL', 'Bolivia, Plurinational State of'],
	['BQ', 'BES', 'Bonaire, Sint Eustatius and Saba'],
	['BR', 'BRA', 'Brazil'],
	['BS', 'BHS', 'Bahamas'],
	['BT', 'BTN', 'Bhutan'],
	['BV', 'BVT', 'Bouvet Island'],
	['BW', 'BWA', 'Botswana'],
	['BY', 'BLR', 'Belarus'],
	['BZ', 'BLZ', 'Belize'],
	['CA', 'CAN', 'Canada'],
	['CC', 'CCK', 'Cocos (Keeling) Islands'],
	['CD', 'COD', 'Congo, The Democratic Republic of the'],
	['CF', 'CAF', 'Central African Republic'],
	['CG', 'COG', 'Congo'],
	['CH', 'CHE', 'Switzerland'],
	['CI', 'CIV', "Côte d'Ivoire"],
	['CK', 'COK', 'Cook Islands'],
	['CL', 'CHL', 'Chile'],
	['CM', 'CMR', 'Cameroon'],
	['CN', 'CHN', 'China'],
	['CO', 'COL', 'Colombia'],
	['CR', 'CRI', 'Costa Rica'],
	['CU', 'CUB', 'Cuba'],
	['CV', 'CPV', 'Cabo Verde'],
	['CW', 'CUW', 'Curaçao'],
	['CX', 'CXR', 'Christmas Island'],
	['CY', 'CYP', 'Cyprus'],
	['CZ', 'CZE', 'Czechia'],
	['DE', 'DEU', 'Germany'],
	['DJ', 'DJI', 'Djibouti'],
	['DK', 'DNK', 'Denmark'],
	['DM', 'DMA', 'Dominica'],
	['DO', 'DOM', 'Dominican Republic'],
	['DZ', 'DZA', 'Algeria'],
	['EC', 'ECU', 'Ecuador'],
	['EE', 'EST', 'Estonia'],
	['EG', 'EGY', 'Egypt'],
	['EH', 'ESH', 'Western Sahara'],
	['ER', 'ERI', 'Eritrea'],
	['ES', 'ESP', 'Spain'],
	['ET', 'ETH', 'Ethiopia'],
	['FI', 'FIN', 'Finland'],
	['FJ', 'FJI', 'Fiji'],
	['FK', 'FLK', 'Falkland Islands (Malvinas)'],
	['FM', 'FSM', 'Micronesia, Federated States of'],
	['FO', 'FRO', 'Faroe Islands'],
	['FR', 'FRA', 'France'],
	['GA', 'GAB', 'Gabon'],
	['GB', 'GBR', 'United Kingdom'],
	['GD', 'GRD', 'Grenada'],
	['GE', 'GEO', 'Georgia'],
	['GF', 'GUF', 'French Guiana'],
	['GG', 'GGY', 'Guernsey'],
	['GH', 'GHA', 'Ghana'],
	['GI', 'GIB', 'Gibraltar'],
	['GL', 'GRL', 'Greenland'],
	['GM', 'GMB', 'Gambia'],
	['GN', 'GIN', 'Guinea'],
	['GP', 'GLP', 'Guadeloupe'],
	['GQ', 'GNQ', 'Equatorial Guinea'],
	['GR', 'GRC', 'Greece'],
	['GS', 'SGS', 'South Georgia and the South Sandwich Islands'],
	['GT', 'GTM', 'Guatemala'],
	['GU', 'GUM', 'Guam'],
	['GW', 'GNB', 'Guinea-Bissau'],
	['GY', 'GUY', 'Guyana'],
	['HK', 'HKG', 'Hong Kong'],
	['HM', 'HMD', 'Heard Island and McDonald Islands'],
	['HN', 'HND', 'Honduras'],
	['HR', 'HRV', 'Croatia'],
	['HT', 'HTI', 'Haiti'],
	['HU', 'HUN', 'Hungary'],
	['ID', 'IDN', 'Indonesia'],
	['IE', 'IRL', 'Ireland'],
	['IL', 'ISR', 'Israel'],
	['IM', 'IMN', 'Isle of Man'],
	['IN', 'IND', 'India'],
	['IO', 'IOT', 'British Indian Ocean Territory'],
	['IQ', 'IRQ', 'Iraq'],
	['IR', 'IRN', 'Iran, Islamic Republic of'],
	['IS', 'ISL', 'Iceland'],
	['IT', 'ITA', 'Italy'],
	['JE', 'JEY', 'Jersey'],
	['JM', 'JAM', 'Jamaica'],
	['JO', 'JOR', 'Jordan'],
	['JP', 'JPN', 'Japan'],
	['KE', 'KEN', 'Kenya'],
	['KG', 'KGZ', 'Kyrgyzstan'],
	['KH', 'KHM', 'Cambodia'],
	['KI', 'KIR', 'Kiribati'],
	['KM', 'COM', 'Comoros'],
	['KN', 'KNA', 'Saint Kitts and Nevis'],
	['KP', 'PRK', "Korea, Democratic People's Republic of"],
	['KR', 'KOR', 'Korea, Republic of'],
	['KW', 'KWT', 'Kuwait'],
	['KY', 'CYM', 'Cayman Islands'],
	['KZ', 'KAZ', 'Kazakhstan'],
	['LA', 'LAO', "Lao People's Democratic Republic"],
	['LB', 'LBN', 'Lebanon'],
	['LC', 'LCA', 'Saint Lucia'],
	['LI', 'LIE', 'Liechtenstein'],
	['LK', 'LKA', 'Sri Lanka'],
	['LR', 'LBR', 'Liberia'],
	['LS', 'LSO', 'Lesotho'],
	['LT', 'LTU', 'Lithuania'],
	['LU', 'LUX', 'Luxembourg'],
	['LV', 'LVA', 'Latvia'],
	['LY', 'LBY', 'Libya'],
	['MA', 'MAR', 'Morocco'],
	['MC', 'MCO', 'Monaco'],
	['MD', 'MDA', 'Moldova, Republic of'],
	['ME', 'MNE', 'Montenegro'],
	['MF', 'MAF', 'Saint Martin (French part)'],
	['MG', 'MDG', 'Madagascar'],
	['MH', 'MHL', 'Marshall Islands'],
	['MK', 'MKD', 'North Macedonia'],
	['ML', 'MLI', 'Mali'],
	['MM', 'MMR', 'Myanmar'],
	['MN', 'MNG', 'Mongolia'],
	['MO', 'MAC', 'Macao'],
	['MP', 'MNP', 'Northern Mariana Islands'],
	['MQ', 'MTQ', 'Martinique'],
	['MR', 'MRT', 'Mauritania'],
	['MS', 'MSR', 'Montserrat'],
	['MT', 'MLT', 'Malta'],
	['MU', 'MUS', 'Mauritius'],
	['MV', 'MDV', 'Maldives'],
	['MW', 'MWI', 'Malawi'],
	['MX', 'MEX', 'Mexico'],
	['MY', 'MYS', 'Malaysia'],
	['MZ', 'MOZ', 'Mozambique'],
	['NA', 'NAM', 'Namibia'],
	['NC', 'NCL', 'New Caledonia'],
	['NE', 'NER', 'Niger'],
	['NF', 'NFK', 'Norfolk Island'],
	['NG', 'NGA', 'Nigeria'],
	['NI', 'NIC', 'Nicaragua'],
	['NL', 'NLD', 'Netherlands'],
	['NO', 'NOR', 'Norway'],
	['NP', 'NPL', 'Nepal'],
	['NR', 'NRU', 'Nauru'],
	['NU', 'NIU', 'Niue'],
	['NZ', 'NZL', 'New Zealand'],
	['OM', 'OMN', 'Oman'],
	['PA', 'PAN', 'Panama'],
	['PE', 'PER', 'Peru'],
	['PF', 'PYF', 'French Polynesia'],
	['PG', 'PNG', 'Papua New Guinea'],
	['PH', 'PHL', 'Philippines'],
	['PK', 'PAK', 'Pakistan'],
	['PL', 'POL', 'Poland'],
	['PM', 'SPM', 'Saint Pierre and Miquelon'],
	['PN', 'PCN', 'Pitcairn'],
	['PR', 'PRI', 'Puerto Rico'],
	['PS', 'PSE', 'Palestine, State of'],
	['PT', 'PRT', 'Portugal'],
	['PW', 'PLW', 'Palau'],
	['PY', 'PRY', 'Paraguay'],
	['QA', 'QAT', 'Qatar'],
	['RE', 'REU', 'Réunion'],
	['RO', 'ROU', 'Romania'],
	['RS', 'SRB', 'Serbia'],
	['RU', 'RUS', 'Russian Federation'],
	['RW', 'RWA', 'Rwanda'],
	['SA', 'SAU', 'Saudi Arabia'],
	['SB', 'SLB', 'Solomon Islands'],
	['SC', 'SYC', 'Seychelles'],
	['SD', 'SDN', 'Sudan'],
	['SE', 'SWE', 'Sweden'],
	['SG', 'SGP', 'Singapore'],
	['SH', 'SHN', 'Saint Helena, Ascension and Tristan da Cunha'],
	['SI', 'SVN', 'Slovenia'],
	['SJ', 'SJM', 'Svalbard and Jan Mayen'],
	['SK', 'SVK', 'Slovakia'],
	['SL', 'SLE', 'Sierra Leone'],
	['SM', 'SMR', 'San Marino'],
	['SN', 'SEN', 'Senegal'],
	['SO', 'SOM', 'Somalia'],
	['SR', 'SUR', 'Suriname'],
	['SS', 'SSD', 'South Sudan'],
	['ST', 'STP', 'Sao Tome and Principe'],
	['SV', 'SLV', 'El Salvador'],
	['SX', 'SXM', 'Sint Maarten (Dutch part)'],
	['SY', 'SYR', 'Syrian Arab Republic'],
	['SZ', 'SWZ', 'Eswatini'],
	['TC', 'TCA', 'Turks and Caicos Islands'],
	['TD', 'TCD', 'Chad'],
	['TF', 'ATF', 'French Southern Territories'],
	['TG', 'TGO', 'Togo'],
	['TH', 'THA', 'Thailand'],
	['TJ', 'TJK', 'Tajikistan'],
	['TK', 'TKL', 'Tokelau'],
	['TL', 'TLS', 'Timor-Leste'],
	['TM', 'TKM', 'Turkmenistan'],
	['TN', 'TUN', 'Tunisia'],
	['TO', 'TON', 'Tonga'],
	['TR', 'TUR', 'Türkiye'],
	['TT', 'TTO', 'Trinidad and Tobago'],
	['TV', 'TUV', 'Tuvalu'],
	['TW', 'TWN', 'Taiwan, Province of China'],
	['TZ', 'TZA', 'Tanzania, United Republic of'],
	['UA', 'UKR', 'Ukraine'],
	['UG', 'UGA', 'Uganda'],
	['UM', 'UMI', 'United States Minor Outlying Islands'],
	['US', 'USA', 'United States'],
	['UY', 'URY', 'Uruguay'],
	['UZ', 'UZB', 'Uzbekistan'],
	['VA', 'VAT', 'Holy See (Vatican City State)'],
	['VC', 'VCT', 'Saint Vincent and the Grenadines'],
	['VE', 'VEN', 'Venezuela, Bolivarian Republic of'],
	['VG', 'VGB', 'Virgin Islands, British'],
	['VI', 'VIR', 'Virgin Islands, U.S.'],
	['VN', 'VNM', 'Viet Nam'],
	['VU', 'VUT', 'Vanuatu'],
	['WF', 'WLF', 'Wallis and Futuna'],
	['WS', 'WSM', 'Samoa'],
	['YE', 'YEM', 'Yemen'],
	['YT', 'MYT', 'Mayotte'],
	['ZA', 'ZAF', 'South Africa'],
	['ZM', 'ZMB', 'Zambia'],
	['ZW', 'ZWE', 'Zimbabwe'],
];

/**
 * Names people write instead of the ISO short name, keyed by alpha-3. Comparison ignores case,
 * accents, dots, apostrophes and a leading "the", and reads "&" as "and" and "St" as "Saint", so
 * 'U.S.A.', 'the Netherlands', 'St Lucia' and 'Trinidad & Tobago' need no entry of their own.
 */
export const OTHER_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
	USA: ['United States of America', 'America'],
	GBR: [
		'UK',
		'Great Britain',
		'Britain',
		'United Kingdom of Great Britain and Northern Ireland',
		// Shops often store the home nation; all four ship as the United Kingdom.
		'England',
		'Scotland',
		'Wales',
		'Northern Ireland',
	],
	ARE: ['UAE'],
	BOL: ['Bolivia'],
	BES: ['Caribbean Netherlands', 'Bonaire'],
	BRN: ['Brunei'],
	CCK: ['Cocos Islands', 'Keeling Islands'],
	CIV: ['Ivory Coast'],
	COD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa'],
	COG: ['Republic of the Congo', 'Congo-Brazzaville'],
	CPV: ['Cape Verde'],
	CZE: ['Czech Republic'],
	FLK: ['Falkland Islands'],
	FSM: ['Micronesia', 'Federated States of Micronesia'],
	IRN: ['Iran'],
	// "Korea" alone nearly always means the Republic of Korea when it is a shipping address.
	KOR: ['South Korea', 'Republic of Korea', 'Korea'],
	LAO: ['Laos'],
	MAC: ['Macau'],
	MAF: ['Saint Martin'],
	MDA: ['Moldova'],
	MKD: ['Macedonia'],
	MMR: ['Burma'],
	NLD: ['Holland'],
	PRK: ['North Korea'],
	PSE: ['Palestine'],
	RUS: ['Russia'],
	SHN: ['Saint Helena'],
	SWZ: ['Swaziland'],
	SXM: ['Sint Maarten'],
	SYR: ['Syria'],
	TLS: ['East Timor'],
	TUR: ['Turkey'],
	TWN: ['Taiwan'],
	TZA: ['Tanzania'],
	UMI: ['US Minor Outlying Islands'],
	VAT: ['Vatican', 'Vatican City', 'Holy See'],
	VEN: ['Venezuela'],
	VGB: ['British Virgin Islands'],
	VIR: ['US Virgin Islands'],
	VNM: ['Vietnam'],
};

/**
 * A name reduced to what matters for comparing: lower case, no accents, no dots or apostrophes,
 * every other run of punctuation or space one space, no leading "the", "st" read as "saint".
 * Region names (regions.ts) are compared the same way.
 */
export function nameKey(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[.'\u2019]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/^the /, '')
		.replace(/\bst\b/g, 'saint');
}

const BY_ALPHA2 = new Map(COUNTRIES.map(([alpha2, alpha3]) => [alpha2, alpha3]));
const NAMES = new Map(COUNTRIES.map(([, alpha3, name]) => [alpha3, name]));
const BY_NAME = new Map<string, string>([
	...COUNTRIES.map(([, alpha3, name]): [string, string] => [nameKey(name), alpha3]),
	...Object.entries(OTHER_COUNTRY_NAMES).flatMap(([alpha3, names]) =>
		names.map((name): [string, string] => [nameKey(name), alpha3]),
	),
]);

/**
 * The ISO alpha-3 code for an alpha-2 code, an alpha-3 code or an English name (ISO short name
 * or a common one such as 'United Kingdom', 'UK' or 'South Korea'); undefined when unknown.
 */
export function toAlpha3(value: string): string | undefined {
	const code = value.replace(/[\s.]/g, '').toUpperCase();
	if (code.length === 2 && BY_ALPHA2.has(code)) return BY_ALPHA2.get(code);
	if (code.length === 3 && NAMES.has(code)) return code;
	return BY_NAME.get(nameKey(value));
}

/** The English short name of an alpha-3 code ('Canada' for CAN); undefined when unknown. */
export function countryName(alpha3: string): string | undefined {
	return NAMES.get(alpha3.trim().toUpperCase());
}

/**
 * US territories that have a country code of their own. Mail to them is US domestic mail (USPS
 * ZIP codes, domestic postage), so a CDF order to e.g. Puerto Rico goes with a US mail class such
 * as '### USA ECONOMY', and Ingram's own notes rule its international courier out for Puerto
 * Rico. Ingram's certification orders address PR, VI and UM as if they were US states.
 * The value is the two-letter code the territory has as a "state" of the USA.
 */
export const US_TERRITORIES: Readonly<Record<string, string>> = {
	PRI: 'PR',
	VIR: 'VI',
	GUM: 'GU',
	ASM: 'AS',
	MNP: 'MP',
	UMI: 'UM',
};

/**
 * Whether an address in this country ships with Ingram's US (domestic) methods: the USA itself
 * and the US territories above. Everything else needs one of the international methods.
 */
export function isDomestic(alpha3: string): boolean {
	const code = alpha3.trim().toUpperCase();
	return code === 'USA' || Object.hasOwn(US_TERRITORIES, code);
}

/** Sex a reference range is scoped to. */
export type PatientSex = 'female' | 'male';

/** The units a lab prints a biomarker in, and how to get there from the catalogue's conventional units. */
export interface PrintedUnits {
  units: string;
  ucum: string;
  /** Multiply a conventional value by this. */
  factor: number;
  decimals: number;
}

/** One analyte a lab report may carry: its identity, how it is printed, and what is typical. */
export interface Biomarker {
  key: string;
  displayName: string;
  /** Name as printed on an en-GB report, when it differs. */
  britishName?: string;
  loinc: string;
  specimen: string;
  /** Conventional (US) units. */
  conventional: PrintedUnits;
  /** SI units, as UK labs print them, when they differ. */
  si?: PrintedUnits;
  /** Reference range in conventional units; a missing bound is a one-sided range. */
  range: (sex: PatientSex) => { lower?: number; upper?: number };
  /** `normal` for a population range, `desirable` for a treatment target. */
  rangeType: 'normal' | 'desirable';
  /** Mean and standard deviation of a population value, conventional units. */
  typical: (sex: PatientSex) => { mean: number; sd: number };
  /** Below this the lab prints `<limit` rather than a number. */
  detectionLimit?: number;
}

/** A panel: a group of biomarkers ordered together, as printed and as normalised. */
export interface Panel {
  key: string;
  name: string;
  britishName?: string;
  biomarkers: readonly Biomarker[];
}

const units = (u: string, decimals: number, ucum = u, factor = 1): PrintedUnits => ({
  units: u,
  ucum,
  factor,
  decimals,
});
const bySex =
  <T>(female: T, male: T) =>
  (sex: PatientSex): T =>
    sex === 'female' ? female : male;
const both =
  <T>(value: T) =>
  (): T =>
    value;

// Reference ranges and population spreads follow common adult laboratory practice; conversion factors
// are the standard molar ones (cholesterol 0.02586, triglycerides 0.01129, glucose 0.0555, ...).
const HEMOGLOBIN: Biomarker = {
  key: 'hemoglobin',
  displayName: 'Hemoglobin',
  britishName: 'Haemoglobin',
  loinc: '718-7',
  specimen: 'blood',
  conventional: units('g/dL', 1),
  si: units('g/L', 0, 'g/L', 10),
  range: bySex({ lower: 12.0, upper: 15.5 }, { lower: 13.5, upper: 17.5 }),
  rangeType: 'normal',
  typical: bySex({ mean: 13.6, sd: 1.1 }, { mean: 15.2, sd: 1.2 }),
};
const HEMATOCRIT: Biomarker = {
  key: 'hematocrit',
  displayName: 'Hematocrit',
  britishName: 'Haematocrit',
  loinc: '4544-3',
  specimen: 'blood',
  conventional: units('%', 1),
  si: units('L/L', 3, 'L/L', 0.01),
  range: bySex({ lower: 36, upper: 46 }, { lower: 41, upper: 53 }),
  rangeType: 'normal',
  typical: bySex({ mean: 40.5, sd: 3 }, { mean: 45, sd: 3.2 }),
};
const WHITE_CELLS: Biomarker = {
  key: 'white_blood_cell_count',
  displayName: 'White blood cell count',
  loinc: '6690-2',
  specimen: 'blood',
  conventional: units('x10^3/uL', 1, '10*3/uL'),
  si: units('x10^9/L', 1, '10*9/L'),
  range: both({ lower: 4.0, upper: 11.0 }),
  rangeType: 'normal',
  typical: both({ mean: 6.8, sd: 1.8 }),
};
const PLATELETS: Biomarker = {
  key: 'platelet_count',
  displayName: 'Platelet count',
  loinc: '777-3',
  specimen: 'blood',
  conventional: units('x10^3/uL', 0, '10*3/uL'),
  si: units('x10^9/L', 0, '10*9/L'),
  range: both({ lower: 150, upper: 400 }),
  rangeType: 'normal',
  typical: both({ mean: 255, sd: 55 }),
};
const TOTAL_CHOLESTEROL: Biomarker = {
  key: 'total_cholesterol',
  displayName: 'Total cholesterol',
  loinc: '2093-3',
  specimen: 'serum',
  conventional: units('mg/dL', 0),
  si: units('mmol/L', 1, 'mmol/L', 0.02586),
  range: both({ upper: 200 }),
  rangeType: 'desirable',
  typical: both({ mean: 195, sd: 35 }),
};
const HDL: Biomarker = {
  key: 'hdl_cholesterol',
  displayName: 'HDL cholesterol',
  loinc: '2085-9',
  specimen: 'serum',
  conventional: units('mg/dL', 0),
  si: units('mmol/L', 2, 'mmol/L', 0.02586),
  range: bySex({ lower: 50 }, { lower: 40 }),
  rangeType: 'desirable',
  typical: bySex({ mean: 62, sd: 14 }, { mean: 49, sd: 12 }),
};
const LDL: Biomarker = {
  key: 'ldl_cholesterol',
  displayName: 'LDL cholesterol (calculated)',
  loinc: '13457-7',
  specimen: 'serum',
  conventional: units('mg/dL', 0),
  si: units('mmol/L', 1, 'mmol/L', 0.02586),
  range: both({ upper: 100 }),
  rangeType: 'desirable',
  typical: both({ mean: 115, sd: 30 }),
};
const TRIGLYCERIDES: Biomarker = {
  key: 'triglycerides',
  displayName: 'Triglycerides',
  loinc: '2571-8',
  specimen: 'serum',
  conventional: units('mg/dL', 0),
  si: units('mmol/L', 2, 'mmol/L', 0.01129),
  range: both({ upper: 150 }),
  rangeType: 'desirable',
  typical: both({ mean: 120, sd: 45 }),
};
const GLUCOSE: Biomarker = {
  key: 'glucose',
  displayName: 'Glucose (fasting)',
  loinc: '1558-6',
  specimen: 'plasma',
  conventional: units('mg/dL', 0),
  si: units('mmol/L', 1, 'mmol/L', 0.0555),
  range: both({ lower: 70, upper: 99 }),
  rangeType: 'normal',
  typical: both({ mean: 92, sd: 11 }),
};
const SODIUM: Biomarker = {
  key: 'sodium',
  displayName: 'Sodium',
  loinc: '2951-2',
  specimen: 'serum',
  conventional: units('mmol/L', 0),
  range: both({ lower: 135, upper: 145 }),
  rangeType: 'normal',
  typical: both({ mean: 140, sd: 2.2 }),
};
const POTASSIUM: Biomarker = {
  key: 'potassium',
  displayName: 'Potassium',
  loinc: '2823-3',
  specimen: 'serum',
  conventional: units('mmol/L', 1),
  range: both({ lower: 3.5, upper: 5.1 }),
  rangeType: 'normal',
  typical: both({ mean: 4.3, sd: 0.4 }),
};
const CREATININE: Biomarker = {
  key: 'creatinine',
  displayName: 'Creatinine',
  loinc: '2160-0',
  specimen: 'serum',
  conventional: units('mg/dL', 2),
  si: units('umol/L', 0, 'umol/L', 88.42),
  range: bySex({ lower: 0.51, upper: 0.95 }, { lower: 0.67, upper: 1.17 }),
  rangeType: 'normal',
  typical: bySex({ mean: 0.75, sd: 0.13 }, { mean: 0.95, sd: 0.15 }),
};
const HBA1C: Biomarker = {
  key: 'hba1c',
  displayName: 'Hemoglobin A1c',
  britishName: 'HbA1c',
  loinc: '4548-4',
  specimen: 'blood',
  conventional: units('%', 1),
  range: both({ upper: 5.7 }),
  rangeType: 'normal',
  typical: both({ mean: 5.4, sd: 0.45 }),
};
const TSH: Biomarker = {
  key: 'tsh',
  displayName: 'Thyroid stimulating hormone',
  loinc: '3016-3',
  specimen: 'serum',
  conventional: units('mIU/L', 2, 'm[IU]/L'),
  range: both({ lower: 0.4, upper: 4.0 }),
  rangeType: 'normal',
  typical: both({ mean: 1.9, sd: 0.9 }),
};
const FREE_T4: Biomarker = {
  key: 'free_t4',
  displayName: 'Free T4',
  loinc: '3024-7',
  specimen: 'serum',
  conventional: units('ng/dL', 2),
  si: units('pmol/L', 1, 'pmol/L', 12.87),
  range: both({ lower: 0.8, upper: 1.8 }),
  rangeType: 'normal',
  typical: both({ mean: 1.25, sd: 0.2 }),
};
const VITAMIN_D: Biomarker = {
  key: 'vitamin_d_25_hydroxy',
  displayName: 'Vitamin D, 25-hydroxy',
  loinc: '1989-3',
  specimen: 'serum',
  conventional: units('ng/mL', 0),
  si: units('nmol/L', 0, 'nmol/L', 2.496),
  range: both({ lower: 30, upper: 100 }),
  rangeType: 'normal',
  typical: both({ mean: 29, sd: 11 }),
};
const FERRITIN: Biomarker = {
  key: 'ferritin',
  displayName: 'Ferritin',
  loinc: '2276-4',
  specimen: 'serum',
  conventional: units('ng/mL', 0),
  si: units('ug/L', 0, 'ug/L'),
  range: bySex({ lower: 15, upper: 150 }, { lower: 30, upper: 400 }),
  rangeType: 'normal',
  typical: bySex({ mean: 70, sd: 45 }, { mean: 160, sd: 90 }),
};
const CRP: Biomarker = {
  key: 'hs_crp',
  displayName: 'C-reactive protein (high sensitivity)',
  loinc: '30522-7',
  specimen: 'serum',
  conventional: units('mg/L', 1),
  range: both({ upper: 3.0 }),
  rangeType: 'normal',
  typical: both({ mean: 1.4, sd: 1.6 }),
  detectionLimit: 0.3,
};

/** The panels a sandbox lab report is drawn from, in the order labs usually print them. */
export const PANELS: readonly Panel[] = [
  {
    key: 'complete_blood_count',
    name: 'Complete Blood Count (CBC)',
    britishName: 'Full Blood Count',
    biomarkers: [HEMOGLOBIN, HEMATOCRIT, WHITE_CELLS, PLATELETS],
  },
  {
    key: 'basic_metabolic_panel',
    name: 'Basic Metabolic Panel',
    britishName: 'Urea & Electrolytes',
    biomarkers: [GLUCOSE, SODIUM, POTASSIUM, CREATININE],
  },
  {
    key: 'lipid_panel',
    name: 'Lipid Panel',
    britishName: 'Lipid Profile',
    biomarkers: [TOTAL_CHOLESTEROL, HDL, LDL, TRIGLYCERIDES],
  },
  { key: 'diabetes', name: 'Diabetes Monitoring', biomarkers: [HBA1C] },
  {
    key: 'thyroid_function',
    name: 'Thyroid Panel',
    britishName: 'Thyroid Function Tests',
    biomarkers: [TSH, FREE_T4],
  },
  { key: 'iron_and_vitamins', name: 'Iron & Vitamins', biomarkers: [FERRITIN, VITAMIN_D] },
  { key: 'inflammation', name: 'Inflammation', biomarkers: [CRP] },
];

/** Laboratories a sandbox report may come from, by locale. */
export const LAB_NAMES: Readonly<Record<'en-US' | 'en-GB', readonly string[]>> = {
  'en-US': ['Lakeside Clinical Laboratories', 'Summit Diagnostics', 'Riverbend Medical Lab'],
  'en-GB': ['Northgate Pathology', 'St Aldric Hospital Pathology', 'Harbourside Diagnostics'],
};

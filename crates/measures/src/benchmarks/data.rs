//! The curated public data embedded in the binary (`crates/measures/data/*.csv`, provenance in
//! `data/README.md`), parsed once on first use.
//!
//! The files are ours and tested, but they are still parsed without panicking: a malformed row
//! becomes an [`EmbeddedDataError`] naming the file and line, and the public lookups then answer
//! `None` rather than bringing the process down.

use csv::StringRecord;
use std::collections::HashMap;
use std::sync::OnceLock;

const LAIT_VALUES: &str = include_str!("../../data/lait_values.csv");
const LA_LOOKUP: &str = include_str!("../../data/la_lookup.csv");
const POPULATION: &str = include_str!("../../data/population_0_17.csv");
const SN_MAY_2025: &str = include_str!("../../data/sn_may_2025.csv");
const SN_APRIL_2021: &str = include_str!("../../data/sn_april_2021.csv");

/// A malformed row in one of the embedded data files (a packaging bug, never user input).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("embedded benchmark data {file} line {line}: {problem}")]
pub struct EmbeddedDataError {
    /// File name under `crates/measures/data/`.
    pub file: &'static str,
    /// 1-based line number (the header is line 1).
    pub line: u64,
    /// What is wrong.
    pub problem: String,
}

/// One LA's row of `la_lookup.csv`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LaRow {
    pub name: String,
    pub ons_code: String,
    pub region_code: String,
    pub region_name: String,
    pub lait_region: u16,
    pub lait_region_name: String,
}

/// One statistical neighbour.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NeighbourRow {
    pub rank: u8,
    pub la: u16,
    pub closeness: String,
}

/// Everything parsed from the embedded files.
#[derive(Debug, Default)]
pub(crate) struct Data {
    /// Published years, in column order of `lait_values.csv`.
    pub years: Vec<i32>,
    /// LAIT measure -> area number -> one value per entry of `years` (`None`: blank or `-`).
    pub values: HashMap<String, HashMap<u16, Vec<Option<f64>>>>,
    /// LA number -> lookup row.
    pub las: HashMap<u16, LaRow>,
    /// (LA number, mid-year) -> ONS estimate of children aged 0-17.
    pub population: HashMap<(u16, i32), u64>,
    /// LA number -> neighbours by rank, May 2025 groupings.
    pub sn_may_2025: HashMap<u16, Vec<NeighbourRow>>,
    /// LA number -> neighbours by rank, April 2021 groupings.
    pub sn_april_2021: HashMap<u16, Vec<NeighbourRow>>,
}

impl Data {
    /// The value of `measure` for `area` in published `year`.
    pub fn value(&self, measure: &str, area: u16, year: i32) -> Option<f64> {
        let column = self.years.iter().position(|&y| y == year)?;
        self.series(measure, area)?.get(column).copied().flatten()
    }

    /// All published values of `measure` for `area`, one per entry of `years`.
    pub fn series(&self, measure: &str, area: u16) -> Option<&[Option<f64>]> {
        self.values.get(measure)?.get(&area).map(Vec::as_slice)
    }
}

/// The parsed data, or the first problem found. Parsed on first call only.
pub(crate) fn load() -> &'static Result<Data, EmbeddedDataError> {
    static DATA: OnceLock<Result<Data, EmbeddedDataError>> = OnceLock::new();
    DATA.get_or_init(parse_all)
}

fn parse_all() -> Result<Data, EmbeddedDataError> {
    let (years, values) = parse_values(LAIT_VALUES)?;
    Ok(Data {
        years,
        values,
        las: parse_las(LA_LOOKUP)?,
        population: parse_population(POPULATION)?,
        sn_may_2025: parse_neighbours("sn_may_2025.csv", SN_MAY_2025)?,
        sn_april_2021: parse_neighbours("sn_april_2021.csv", SN_APRIL_2021)?,
    })
}

/// Reads a CSV file's header and rows, each row with its line number.
struct Rows {
    file: &'static str,
    header: StringRecord,
    rows: Vec<(u64, StringRecord)>,
}

impl Rows {
    fn read(file: &'static str, text: &str) -> Result<Rows, EmbeddedDataError> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| problem(file, 1, e.to_string()))?
            .clone();
        let mut rows = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let line = index as u64 + 2;
            rows.push((
                line,
                record.map_err(|e| problem(file, line, e.to_string()))?,
            ));
        }
        Ok(Rows { file, header, rows })
    }

    /// Field `index` of a row, or an error naming the column.
    fn field<'r>(
        &self,
        line: u64,
        row: &'r StringRecord,
        index: usize,
    ) -> Result<&'r str, EmbeddedDataError> {
        row.get(index).ok_or_else(|| {
            let column = self.header.get(index).unwrap_or("?");
            problem(self.file, line, format!("missing column {column}"))
        })
    }

    /// Field `index` parsed as a number.
    fn number<T: std::str::FromStr>(
        &self,
        line: u64,
        row: &StringRecord,
        index: usize,
    ) -> Result<T, EmbeddedDataError> {
        let text = self.field(line, row, index)?;
        text.trim().parse().map_err(|_| {
            let column = self.header.get(index).unwrap_or("?");
            problem(
                self.file,
                line,
                format!("{column} is not a number: {text:?}"),
            )
        })
    }
}

fn problem(file: &'static str, line: u64, problem: String) -> EmbeddedDataError {
    EmbeddedDataError {
        file,
        line,
        problem,
    }
}

type Values = HashMap<String, HashMap<u16, Vec<Option<f64>>>>;

/// `short_desc,la_number,2016,...`: blank = no LAIT row, `-` = not available or suppressed.
fn parse_values(text: &str) -> Result<(Vec<i32>, Values), EmbeddedDataError> {
    let file = "lait_values.csv";
    let rows = Rows::read(file, text)?;
    let years = rows
        .header
        .iter()
        .skip(2)
        .map(|y| y.parse::<i32>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| problem(file, 1, "year columns must be numbers".to_owned()))?;
    let mut values: Values = HashMap::new();
    for (line, row) in &rows.rows {
        let measure = rows.field(*line, row, 0)?;
        let area: u16 = rows.number(*line, row, 1)?;
        let cells = (0..years.len())
            .map(|i| published_value(file, *line, rows.field(*line, row, i + 2)?))
            .collect::<Result<Vec<_>, _>>()?;
        values
            .entry(measure.to_owned())
            .or_default()
            .insert(area, cells);
    }
    Ok((years, values))
}

fn published_value(
    file: &'static str,
    line: u64,
    text: &str,
) -> Result<Option<f64>, EmbeddedDataError> {
    match text.trim() {
        "" | "-" => Ok(None),
        number => number
            .parse::<f64>()
            .map(Some)
            .map_err(|_| problem(file, line, format!("value is not a number: {text:?}"))),
    }
}

/// `la_number,la_name,ons_code,region_code,region_name,lait_region,lait_region_name`.
fn parse_las(text: &str) -> Result<HashMap<u16, LaRow>, EmbeddedDataError> {
    let rows = Rows::read("la_lookup.csv", text)?;
    let mut las = HashMap::new();
    for (line, row) in &rows.rows {
        let text = |i| rows.field(*line, row, i).map(str::to_owned);
        las.insert(
            rows.number(*line, row, 0)?,
            LaRow {
                name: text(1)?,
                ons_code: text(2)?,
                region_code: text(3)?,
                region_name: text(4)?,
                lait_region: rows.number(*line, row, 5)?,
                lait_region_name: text(6)?,
            },
        );
    }
    Ok(las)
}

/// `mid_year,la_number,population`.
fn parse_population(text: &str) -> Result<HashMap<(u16, i32), u64>, EmbeddedDataError> {
    let rows = Rows::read("population_0_17.csv", text)?;
    let mut population = HashMap::new();
    for (line, row) in &rows.rows {
        let mid_year: i32 = rows.number(*line, row, 0)?;
        let la: u16 = rows.number(*line, row, 1)?;
        population.insert((la, mid_year), rows.number(*line, row, 2)?);
    }
    Ok(population)
}

/// `la_number,sn_rank,sn_la_number,closeness`, ranked 1-10.
fn parse_neighbours(
    file: &'static str,
    text: &str,
) -> Result<HashMap<u16, Vec<NeighbourRow>>, EmbeddedDataError> {
    let rows = Rows::read(file, text)?;
    let mut groups: HashMap<u16, Vec<NeighbourRow>> = HashMap::new();
    for (line, row) in &rows.rows {
        let la: u16 = rows.number(*line, row, 0)?;
        groups.entry(la).or_default().push(NeighbourRow {
            rank: rows.number(*line, row, 1)?,
            la: rows.number(*line, row, 2)?,
            closeness: rows.field(*line, row, 3)?.trim().to_owned(),
        });
    }
    for neighbours in groups.values_mut() {
        neighbours.sort_by_key(|n| n.rank);
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_completely() {
        let data = load().as_ref().unwrap();
        // Line counts of the shipped files less their header (`wc -l data/*.csv`).
        let value_rows: usize = data.values.values().map(HashMap::len).sum();
        assert_eq!(value_rows, 3570);
        assert_eq!(data.values.len(), super::super::MAPPINGS.len());
        assert_eq!(data.years, (2016..=2025).collect::<Vec<_>>());
        assert_eq!(data.las.len(), 158);
        assert_eq!(data.population.len(), 1955);
        let ranked = |g: &HashMap<u16, Vec<NeighbourRow>>| g.values().map(Vec::len).sum::<usize>();
        assert_eq!(ranked(&data.sn_may_2025), 1580);
        assert_eq!(ranked(&data.sn_april_2021), 1560);
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let err = parse_population("mid_year,la_number,population\n2024,382,lots\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "embedded benchmark data population_0_17.csv line 2: population is not a number: \"lots\""
        );
        let err = parse_values("short_desc,la_number,2024\nLAC,382,6x\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn blanks_and_dashes_are_not_values() {
        let (years, values) = parse_values("short_desc,la_number,2024,2025\nLAC,382,-,\n").unwrap();
        assert_eq!(years, vec![2024, 2025]);
        assert_eq!(values["LAC"][&382], vec![None, None]);
    }
}

//! `sightline-tile`: makes big validation inputs by replicating the synthetic council's returns.
//!
//! It generates the default council (as `sightline generate` does), writes its SSDA903 return for
//! the collection year and the year before, and its CIN census, then writes each of them again
//! `N` times over into one return: copy 0 is the council as generated, copy `k` has every child
//! id and UPN replaced by a fresh one, the same in every file (so a child keeps one id across the
//! 903 tables, both years and the CIN census, and cross-table and year-on-year rules still see
//! one coherent child). New UPNs keep the council's LA digits and get a correct check letter, and
//! are unique across the file, so the return-level UPN rules find nothing they did not find in
//! the council. The CIN census is streamed out child by child.
//!
//! ```sh
//! sightline-tile --out /tmp/big --ssda903-children 100000 --cin-children 1000000
//! ```
//! writes `/tmp/big/ssda903/` (current year), `/tmp/big/ssda903_previous/` and
//! `/tmp/big/cin/cin_census_2026.xml`, and prints the counts.

use anyhow::{Context, Result, bail};
use clap::Parser;
use sightline_formats::ExtractSpec;
use sightline_formats::faults::FaultSpec;
use sightline_formats::ssda903::Ssda903Table;
use sightline_synth::SynthConfig;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Replicate the synthetic council's 903 and CIN returns to a target number of children.
#[derive(Parser, Debug)]
struct Args {
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    /// Looked-after children wanted in the 903 Header (rounded up to whole copies); 0 = no 903.
    #[arg(long, default_value_t = 0)]
    ssda903_children: u64,
    /// Children wanted in the CIN census (rounded up to whole copies); 0 = no census.
    #[arg(long, default_value_t = 0)]
    cin_children: u64,
    /// Population of the council generated as the unit (0-17 year olds).
    #[arg(long, default_value_t = 100_000)]
    population: u64,
    /// Random seed of the council.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Recording errors injected into the council before tiling (0 = none).
    #[arg(long, default_value_t = 0.0)]
    faults: f64,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let config = SynthConfig {
        population: args.population,
        seed: args.seed,
        ..SynthConfig::default()
    };
    let synthetic = sightline_cli::pipeline::synthesise(&config, &|_, _| {});
    let spec = sightline_cli::pipeline::extract_spec(&synthetic);
    let previous_spec = ExtractSpec {
        collection_year_ending: spec.collection_year_ending - 1,
        ..spec.clone()
    };
    let faults = (args.faults > 0.0).then_some(FaultSpec {
        rate: args.faults,
        seed: args.seed,
    });
    let base = args.out.join("base");
    let mut ids = Renamer::default();
    // Every UPN of the council is reserved first, so that no copy's fresh UPN meets one.
    sightline_formats::write_extract(&base.join("all"), &synthetic.records, &spec, None)?;
    ids.reserve_all(&base.join("all"))?;

    if args.ssda903_children > 0 {
        let current = write_903(&base.join("ssda903"), &synthetic.records, &spec, &faults)?;
        let previous = write_903(
            &base.join("ssda903_previous"),
            &synthetic.records,
            &previous_spec,
            &faults,
        )?;
        let unit = header_rows(&current)?;
        if unit == 0 {
            bail!("the council has no looked-after children to replicate");
        }
        let copies = args.ssda903_children.div_ceil(unit);
        for (files, name) in [(&current, "ssda903"), (&previous, "ssda903_previous")] {
            let dir = args.out.join(name);
            std::fs::create_dir_all(&dir)?;
            for file in files {
                tile_csv(file, &dir, copies, &mut ids)?;
            }
        }
        println!(
            "ssda903: {} looked-after children ({copies} copies of {unit}) in {} and {}",
            copies * unit,
            args.out.join("ssda903").display(),
            args.out.join("ssda903_previous").display()
        );
    }

    if args.cin_children > 0 {
        let written = match &faults {
            Some(f) => {
                sightline_formats::cin::write_with_faults(
                    &base.join("cin"),
                    &synthetic.records,
                    &spec,
                    f,
                )?
                .0
            }
            None => sightline_formats::cin::write(&base.join("cin"), &synthetic.records, &spec)?,
        };
        let file = written.first().context("the census writer wrote no file")?;
        let dir = args.out.join("cin");
        std::fs::create_dir_all(&dir)?;
        let out = dir.join(file.file_name().context("census file name")?);
        let (unit, copies) = tile_census(file, &out, args.cin_children, &mut ids)?;
        println!(
            "cin: {} children ({copies} copies of {unit}) in {}",
            copies * unit,
            out.display()
        );
    }
    std::fs::remove_dir_all(&base).ok();
    Ok(())
}

fn write_903(
    dir: &Path,
    records: &sightline_model::CaseRecords,
    spec: &ExtractSpec,
    faults: &Option<FaultSpec>,
) -> Result<Vec<PathBuf>> {
    Ok(match faults {
        Some(f) => sightline_formats::ssda903::write_with_faults(dir, records, spec, f)?.0,
        None => sightline_formats::ssda903::write(dir, records, spec)?,
    })
}

/// Data rows of the Header table among `files`.
fn header_rows(files: &[PathBuf]) -> Result<u64> {
    for file in files {
        let mut reader = csv::Reader::from_path(file)?;
        let columns: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        if Ssda903Table::from_columns(&columns) == Some(Ssda903Table::Header) {
            return Ok(reader.records().count() as u64);
        }
    }
    bail!("no Header table was written")
}

/// Fresh child ids and UPNs for each copy, the same in every file.
#[derive(Default)]
struct Renamer {
    upns: HashMap<(String, u64), String>,
    used_upns: HashSet<String>,
}

impl Renamer {
    /// Reserves every 13-character UPN-shaped word in the files under `dir`.
    fn reserve_all(&mut self, dir: &Path) -> Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                self.reserve_all(&path)?;
                continue;
            }
            let text = std::fs::read(&path)?;
            for word in text.split(|b| !b.is_ascii_alphanumeric()) {
                let upn_like = word.len() == 13
                    && word[0].is_ascii_uppercase()
                    && word[1..].iter().all(u8::is_ascii_digit);
                if upn_like {
                    self.used_upns
                        .insert(String::from_utf8_lossy(word).into_owned());
                }
            }
        }
        Ok(())
    }

    /// Copy `k`'s id for `id`: unchanged for copy 0, else `X` + the copy in two base-36 digits +
    /// the id without its first character (the synthetic ids are `C` + digits), so ids keep
    /// their length and never meet the council's own.
    fn child(&self, id: &str, k: u64) -> String {
        if k == 0 || id.is_empty() {
            return id.to_owned();
        }
        const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let digit = |n: u64| char::from(DIGITS[(n % 36) as usize]);
        let rest: String = id.chars().skip(1).collect();
        format!("X{}{}{rest}", digit(k / 36), digit(k))
    }

    /// Copy `k`'s UPN for `upn`: the LA digits kept, the other nine moved by `k` (and on until
    /// unused), the check letter recomputed. Text that is not a 13-character UPN is kept.
    fn upn(&mut self, upn: &str, k: u64) -> String {
        let valid = upn.len() == 13 && upn.bytes().skip(1).all(|b| b.is_ascii_digit());
        if k == 0 || !valid {
            if k == 0 {
                self.used_upns.insert(upn.to_owned());
            }
            return upn.to_owned();
        }
        if let Some(done) = self.upns.get(&(upn.to_owned(), k)) {
            return done.clone();
        }
        let la = &upn[1..4];
        let mut serial: u64 = upn[4..].parse().unwrap_or(0);
        serial = (serial + k * 7_919_003) % 1_000_000_000;
        let fresh = loop {
            let body = format!("{la}{serial:09}");
            let candidate = format!("{}{body}", check_letter(&body));
            if self.used_upns.insert(candidate.clone()) {
                break candidate;
            }
            serial = (serial + 1) % 1_000_000_000;
        };
        self.upns.insert((upn.to_owned(), k), fresh.clone());
        fresh
    }
}

/// The UPN check letter of the 12 digits after it (DfE: sum of digit times position, mod 23).
fn check_letter(body: &str) -> char {
    const LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPQRTUVWXYZ";
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b.wrapping_sub(b'0')) * (i as u32 + 2))
        .sum();
    char::from(LETTERS[(sum % 23) as usize])
}

/// Writes `copies` copies of a 903 table into `dir`, renaming CHILD (and UPN in the Header).
fn tile_csv(file: &Path, dir: &Path, copies: u64, ids: &mut Renamer) -> Result<()> {
    let mut reader = csv::Reader::from_path(file)?;
    let header = reader.headers()?.clone();
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let child = header.iter().position(|c| c == "CHILD");
    let upn = header.iter().position(|c| c == "UPN");
    let out = dir.join(file.file_name().context("file name")?);
    let mut writer = csv::Writer::from_path(&out)?;
    writer.write_record(&header)?;
    let mut cells: Vec<String> = Vec::new();
    for k in 0..copies {
        for row in &rows {
            cells.clear();
            cells.extend(row.iter().map(str::to_owned));
            if let Some(c) = child.and_then(|c| cells.get_mut(c)) {
                *c = ids.child(c, k);
            }
            if let Some(u) = upn.and_then(|u| cells.get_mut(u)) {
                *u = ids.upn(u, k);
            }
            writer.write_record(&cells)?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Streams `copies` copies of the census's children (one `<Child>` per line, as the writer
/// writes them) between its header and footer; returns (children per copy, copies).
fn tile_census(file: &Path, out: &Path, wanted: u64, ids: &mut Renamer) -> Result<(u64, u64)> {
    let reader = std::io::BufReader::new(std::fs::File::open(file)?);
    let (mut head, mut children, mut tail) = (String::new(), Vec::new(), String::new());
    for line in reader.lines() {
        let line = line?;
        if line.trim_start().starts_with("<Child>") {
            children.push(line);
        } else if children.is_empty() {
            head.push_str(&line);
            head.push('\n');
        } else {
            tail.push_str(&line);
            tail.push('\n');
        }
    }
    let unit = children.len() as u64;
    if unit == 0 {
        bail!("the census has no children to replicate");
    }
    let copies = wanted.div_ceil(unit);
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    w.write_all(head.as_bytes())?;
    for k in 0..copies {
        for line in &children {
            let line = replace_element(line, "LAchildID", |id| ids.child(id, k));
            let line = replace_element(&line, "UPN", |u| ids.upn(u, k));
            let line = replace_element(&line, "FormerUPN", |u| ids.upn(u, k));
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
    }
    w.write_all(tail.as_bytes())?;
    w.flush()?;
    Ok((unit, copies))
}

/// `line` with the text of the first `<name>` element replaced by `f(text)`.
fn replace_element(line: &str, name: &str, mut f: impl FnMut(&str) -> String) -> String {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let Some(start) = line.find(&open).map(|i| i + open.len()) else {
        return line.to_owned();
    };
    let Some(len) = line[start..].find(&close) else {
        return line.to_owned();
    };
    format!(
        "{}{}{}",
        &line[..start],
        f(&line[start..start + len]),
        &line[start + len..]
    )
}

//! Annex A category values: the canonical (lettered) text written, and tolerant parsing that
//! accepts the lettered form (`a) Male`), the letter alone, the bare code (`M`, `WBRI`, `1A`) or
//! a plain word, in any letter case.

use sightline_model::codes::*;

/// Splits `a) Male` into `('a', "Male")`; `None` when the text has no letter prefix.
pub(crate) fn split_letter(text: &str) -> Option<(char, &str)> {
    let t = text.trim();
    let mut chars = t.char_indices();
    let (_, letter) = chars.next()?;
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let rest = t.get(letter.len_utf8()..)?.trim_start();
    let rest = rest.strip_prefix(')')?;
    Some((letter.to_ascii_lowercase(), rest.trim()))
}

/// The value whose letter is `letter` in a lettered list (`a` is the first).
fn by_letter<T: Copy>(letter: char, values: &[T]) -> Option<T> {
    let index = (letter as u32).checked_sub('a' as u32)? as usize;
    values.get(index).copied()
}

/// The first word of a text, e.g. `1A` in `1A Individual - family`.
fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// Parses a coded category: bare or lettered code, the code as the first word of a label, or
/// (for lettered lists) the letter alone.
fn coded<T: Copy>(text: &str, from_code: impl Fn(&str) -> Option<T>, lettered: &[T]) -> Option<T> {
    let text = text.trim();
    if let Some(v) = from_code(text).or_else(|| from_code(first_word(text))) {
        return Some(v);
    }
    let (letter, rest) = split_letter(text)?;
    if rest.is_empty() {
        return by_letter(letter, lettered);
    }
    from_code(rest).or_else(|| from_code(first_word(rest)))
}

// --- Gender ---

const SEXES: [Sex; 3] = [Sex::Male, Sex::Female, Sex::Unknown];

/// `a) Male`, `b) Female`, `c) Not stated/recorded`.
pub(crate) fn gender_text(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "a) Male",
        Sex::Female => "b) Female",
        Sex::Unknown => "c) Not stated/recorded",
    }
}

/// Parses a gender; `d) Neither` and other non-binary answers are recorded as unknown, the only
/// third value the DfE sex code has.
pub(crate) fn parse_gender(text: &str) -> Option<Sex> {
    let word = |t: &str| -> Option<Sex> {
        let t = t.trim().to_ascii_lowercase();
        match t.as_str() {
            "male" | "m" | "1" => Some(Sex::Male),
            "female" | "f" | "2" => Some(Sex::Female),
            "u" | "0" | "9" | "neither" | "unknown" | "unborn" | "indeterminate" | "not known"
            | "not recorded" | "not stated" => Some(Sex::Unknown),
            _ if t.starts_with("not stated") || t.starts_with("not recorded") => Some(Sex::Unknown),
            _ => None,
        }
    };
    if let Some(s) = word(text) {
        return Some(s);
    }
    let (letter, rest) = split_letter(text)?;
    if rest.is_empty() {
        return match letter {
            'd' => Some(Sex::Unknown),
            _ => by_letter(letter, &SEXES),
        };
    }
    word(rest)
}

// --- Ethnicity ---

const ETHNICITIES: [Ethnicity; 20] = {
    use Ethnicity::*;
    [
        WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR,
        BOTH, CHNE, OOTH, REFU, NOBT,
    ]
};

/// `a) WBRI` ... `r) OOTH`, `s) REFU`, `t) NOBT`.
pub(crate) fn ethnicity_text(e: Ethnicity) -> String {
    let index = ETHNICITIES.iter().position(|x| *x == e).unwrap_or(0);
    format!("{}) {}", letter(index), e.code())
}

fn letter(index: usize) -> char {
    char::from(b'a' + (index % 26) as u8)
}

/// Parses an ethnicity.
pub(crate) fn parse_ethnicity(text: &str) -> Option<Ethnicity> {
    coded(text, Ethnicity::from_code, &ETHNICITIES)
}

// --- Referral and contact source ---

/// The Annex A lettered source list; 5D (early help) postdates it and has no letter.
const SOURCES: [(ReferralSource, &str); 21] = {
    use ReferralSource::*;
    [
        (S1A, "1A Individual - family/relative/carer"),
        (S1B, "1B acquaintance"),
        (S1C, "1C self"),
        (S1D, "1D other individual"),
        (S2A, "2A Schools"),
        (S2B, "2B Education services"),
        (S3A, "3A GP"),
        (S3B, "3B health visitor"),
        (S3C, "3C school nurse"),
        (S3D, "3D other primary health"),
        (S3E, "3E A&E"),
        (S3F, "3F other health"),
        (S4, "4 Housing"),
        (S5A, "5A LA social care"),
        (S5B, "5B other internal LA service"),
        (S5C, "5C external LA"),
        (S6, "6 Police"),
        (S7, "7 Other legal agency"),
        (S8, "8 Other"),
        (S9, "9 Anonymous"),
        (S10, "10 Unknown"),
    ]
};

/// `a) 1A Individual - family/relative/carer` ... `u) 10 Unknown`; `5D LA early help` unlettered.
pub(crate) fn source_text(source: ReferralSource) -> String {
    match SOURCES.iter().position(|(s, _)| *s == source) {
        Some(i) => format!("{}) {}", letter(i), SOURCES.get(i).map_or("", |(_, l)| l)),
        None => format!("{} {}", source.code(), "LA early help"),
    }
}

/// Parses a contact or referral source.
pub(crate) fn parse_source(text: &str) -> Option<ReferralSource> {
    let lettered: Vec<ReferralSource> = SOURCES.iter().map(|(s, _)| *s).collect();
    coded(text, ReferralSource::from_code, &lettered)
}

// --- Yes / no ---

/// `a) Yes` or `b) No`.
pub(crate) fn yes_no_text(value: bool) -> &'static str {
    if value { "a) Yes" } else { "b) No" }
}

/// `Y` or `N`, for the headings marked `(Y/N)`.
pub(crate) fn y_n_text(value: bool) -> &'static str {
    if value { "Y" } else { "N" }
}

/// Parses yes/no in any of its spellings (`a) Yes`, `a`, `Y`, `yes`, `true`, `1`...); `None` for
/// anything else, including `c) Unknown`.
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    let t = text.trim();
    if let Ok(v) = crate::ssd::cells::parse_flag(t) {
        return Some(v);
    }
    let (letter, rest) = split_letter(t)?;
    if rest.is_empty() {
        return by_letter(letter, &[true, false]);
    }
    crate::ssd::cells::parse_flag(rest).ok()
}

/// Whether a yes/no/unknown answer is "unknown" (`c) Unknown`, `c`, `unknown`, `not known`).
pub(crate) fn is_unknown(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    let rest = split_letter(&t).map_or(t.as_str(), |(l, r)| {
        if r.is_empty() && l == 'c' {
            "unknown"
        } else {
            r
        }
    });
    matches!(rest, "unknown" | "not known" | "u")
}

// --- Category of abuse ---

/// The plain name of a category of abuse, as in the Annex A description.
pub(crate) fn abuse_text(c: CategoryOfAbuse) -> &'static str {
    match c {
        CategoryOfAbuse::NEG => "Neglect",
        CategoryOfAbuse::PHY => "Physical abuse",
        CategoryOfAbuse::SAB => "Sexual abuse",
        CategoryOfAbuse::EMO => "Emotional abuse",
        CategoryOfAbuse::MUL => "Multiple",
    }
}

/// Parses a category of abuse from its code or name.
pub(crate) fn parse_abuse(text: &str) -> Option<CategoryOfAbuse> {
    let by_name = |t: &str| -> Option<CategoryOfAbuse> {
        let t = t.trim().to_ascii_lowercase();
        CategoryOfAbuse::ALL.iter().copied().find(|c| {
            let name = abuse_text(*c).to_ascii_lowercase();
            t == name || t == c.description() || (t.len() >= 3 && name.starts_with(&t))
        })
    };
    CategoryOfAbuse::from_code(text)
        .or_else(|| by_name(text))
        .or_else(|| {
            split_letter(text)
                .and_then(|(_, rest)| CategoryOfAbuse::from_code(rest).or_else(|| by_name(rest)))
        })
}

// --- Care leavers ---

/// `Suitable` / `Not suitable` for the suitability digit of an accommodation code.
pub(crate) fn suitability_text(accommodation: Accommodation) -> &'static str {
    match accommodation.is_suitable() {
        Some(true) => "Suitable",
        Some(false) => "Not suitable",
        None => "",
    }
}

/// Parses a suitability into the accommodation code's digit.
pub(crate) fn parse_suitability(text: &str) -> Option<char> {
    let t = text.trim().to_ascii_lowercase();
    let t = split_letter(&t).map_or(t.clone(), |(_, r)| r.to_owned());
    match t.as_str() {
        "suitable" | "1" | "y" | "yes" => Some('1'),
        "not suitable" | "unsuitable" | "2" | "n" | "no" => Some('2'),
        _ => None,
    }
}

/// Parses a permanence-reversal reason from its code or its description.
pub(crate) fn parse_reversal_reason(text: &str) -> Option<ReasonPlacedCeased> {
    let t = text.trim();
    ReasonPlacedCeased::from_code(t)
        .or_else(|| ReasonPlacedCeased::from_code(first_word(t)))
        .or_else(|| {
            let lower = t.to_ascii_lowercase();
            ReasonPlacedCeased::ALL
                .iter()
                .copied()
                .find(|r| r.description().to_ascii_lowercase() == lower)
        })
}

/// Parses any DfE code written bare or as the first word of a label (`C2`, `C2 Full care order`).
pub(crate) fn parse_code<T>(text: &str, from_code: impl Fn(&str) -> Option<T>) -> Option<T> {
    let t = text.trim();
    from_code(t)
        .or_else(|| from_code(first_word(t)))
        .or_else(|| {
            split_letter(t)
                .and_then(|(_, rest)| from_code(rest).or_else(|| from_code(first_word(rest))))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_split_off() {
        assert_eq!(split_letter("a) Male"), Some(('a', "Male")));
        assert_eq!(split_letter(" B )female"), Some(('b', "female")));
        assert_eq!(split_letter("c)"), Some(('c', "")));
        assert_eq!(split_letter("Male"), None);
        assert_eq!(split_letter("1A"), None);
    }

    #[test]
    fn every_canonical_text_reads_back() {
        for s in SEXES {
            assert_eq!(parse_gender(gender_text(s)), Some(s));
        }
        for e in Ethnicity::ALL {
            assert_eq!(parse_ethnicity(&ethnicity_text(*e)), Some(*e));
        }
        for s in ReferralSource::ALL {
            assert_eq!(parse_source(&source_text(*s)), Some(*s), "{s:?}");
        }
        for c in CategoryOfAbuse::ALL {
            assert_eq!(parse_abuse(abuse_text(*c)), Some(*c));
        }
        for v in [true, false] {
            assert_eq!(parse_yes_no(yes_no_text(v)), Some(v));
            assert_eq!(parse_yes_no(y_n_text(v)), Some(v));
        }
    }

    #[test]
    fn bare_codes_letters_and_words_are_accepted() {
        assert_eq!(parse_gender("F"), Some(Sex::Female));
        assert_eq!(parse_gender("d) Neither"), Some(Sex::Unknown));
        assert_eq!(parse_gender("b"), None);
        assert_eq!(parse_gender("b)"), Some(Sex::Female));
        assert_eq!(parse_ethnicity("wbri"), Some(Ethnicity::WBRI));
        assert_eq!(parse_ethnicity("t)"), Some(Ethnicity::NOBT));
        assert_eq!(parse_ethnicity("q) chne"), Some(Ethnicity::CHNE));
        assert_eq!(parse_source("1a"), Some(ReferralSource::S1A));
        assert_eq!(parse_source("u)"), Some(ReferralSource::S10));
        assert_eq!(parse_source("q) 6 Police"), Some(ReferralSource::S6));
        assert_eq!(parse_source("5D"), Some(ReferralSource::S5D));
        assert_eq!(parse_abuse("neg"), Some(CategoryOfAbuse::NEG));
        assert_eq!(parse_abuse("EMOTIONAL ABUSE"), Some(CategoryOfAbuse::EMO));
        assert_eq!(parse_yes_no("a"), None);
        assert_eq!(parse_yes_no("A)"), Some(true));
        assert_eq!(parse_yes_no("c) Unknown"), None);
        assert!(is_unknown("c) Unknown"));
        assert_eq!(
            parse_code("C2 Full care order", LegalStatus::from_code),
            Some(LegalStatus::C2)
        );
        assert_eq!(parse_suitability("Not suitable"), Some('2'));
        assert_eq!(parse_reversal_reason("rd3"), Some(ReasonPlacedCeased::RD3));
    }
}

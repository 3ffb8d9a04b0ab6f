//! The format-neutral report document: what a report says, before any renderer decides how it
//! looks.
//!
//! Report builders (board pack, scrutiny report, worklists, data quality) build a [`Document`]
//! from computed figures; the renderers in [`crate::render`] turn it into HTML, XLSX or PDF.
//! Builders never write a file format themselves and renderers compute no figures.
//!
//! Disclosure control is part of the rendering pipeline: every `write_*` function applies
//! [`crate::disclose`] when the document's [`Audience`] is [`Audience::Public`], so a builder
//! only marks which cells are counts ([`Cell::Count`]) and which figures derive from them
//! ([`Column::derived_from`], [`Chart::values_are_counts`]).

use std::path::Path;

/// Who a report is for; decides disclosure control and the marking on every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Officers and boards: every figure shown as computed.
    Internal,
    /// Published or public committee papers: counts of 1 to 5 are suppressed as `c`.
    Public,
}

impl Audience {
    /// The line every page carries (running footer in print, banner on screen).
    pub fn marking(self) -> &'static str {
        match self {
            Audience::Internal => "Internal: figures are not suppressed",
            Audience::Public => "Public: counts of 1 to 5 are shown as c",
        }
    }
}

/// A whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// E.g. "Improvement Board performance pack".
    pub title: String,
    /// A second line under the title, if any.
    pub subtitle: Option<String>,
    /// The council's name, e.g. "Kirklees Council".
    pub council: String,
    /// The period covered, e.g. "March 2026".
    pub period_label: String,
    /// Who it is for.
    pub audience: Audience,
    /// The sections, in reading order.
    pub sections: Vec<Section>,
}

impl Document {
    /// An empty document.
    pub fn new(
        title: impl Into<String>,
        council: impl Into<String>,
        period_label: impl Into<String>,
        audience: Audience,
    ) -> Self {
        Document {
            title: title.into(),
            subtitle: None,
            council: council.into(),
            period_label: period_label.into(),
            audience,
            sections: Vec::new(),
        }
    }

    /// Sets the subtitle.
    pub fn with_subtitle(mut self, subtitle: impl Into<String>) -> Self {
        self.subtitle = Some(subtitle.into());
        self
    }

    /// Appends a section.
    pub fn push(&mut self, section: Section) -> &mut Self {
        self.sections.push(section);
        self
    }

    /// Writes the document in `format` to `path` (disclosure control applied when public).
    pub fn write(&self, format: OutputFormat, path: &Path) -> Result<(), crate::ReportError> {
        match format {
            OutputFormat::Html => crate::render::write_html(self, path),
            OutputFormat::Xlsx => crate::render::write_xlsx(self, path),
            OutputFormat::Pdf => crate::render::write_pdf(self, path),
        }
    }
}

/// A file format a [`Document`] can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// Self-contained HTML page (inline CSS and SVG) that prints on A4.
    Html,
    /// Excel workbook: a contents sheet, then one sheet per table and chart.
    Xlsx,
    /// A4 PDF for committee agenda packs.
    Pdf,
}

impl OutputFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Html => "html",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Pdf => "pdf",
        }
    }
}

/// A titled part of a report; one `<section>` in HTML, a heading in PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Anchor id and the source of sheet names; lowercase letters, digits and `-` work best.
    pub id: String,
    /// Heading shown above the section.
    pub title: String,
    /// Start the section on a new page when printed.
    pub page_break_before: bool,
    /// The content.
    pub blocks: Vec<Block>,
}

impl Section {
    /// An empty section that flows on from the previous one.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Section {
            id: id.into(),
            title: title.into(),
            page_break_before: false,
            blocks: Vec::new(),
        }
    }

    /// Starts the section on a new printed page.
    pub fn on_new_page(mut self) -> Self {
        self.page_break_before = true;
        self
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    /// Appends a block, builder style.
    pub fn with(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }
}

/// One piece of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A sub-heading inside a section; `level` 2 is the section title's level, so use 3 or 4.
    Heading {
        /// 3 or 4 (clamped to 2..=4 by renderers).
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A paragraph, typically plain-English sentences generated from figures.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inlines.
    Bullets(Vec<Vec<Inline>>),
    /// Headline tiles.
    KeyFigures(Vec<KeyFigure>),
    /// A table.
    Table(Table),
    /// A chart, always rendered together with its data table.
    Chart(Chart),
    /// A boxed note.
    Notice {
        /// Information or warning.
        kind: NoticeKind,
        /// The text.
        text: String,
    },
}

impl Block {
    /// A paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Block::Paragraph(vec![Inline::Text(text.into())])
    }

    /// A heading at `level` (3 or 4 inside a section).
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Block::Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }

    /// A warning notice.
    pub fn warning(text: impl Into<String>) -> Self {
        Block::Notice {
            kind: NoticeKind::Warning,
            text: text.into(),
        }
    }
}

/// How prominent a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// Context the reader should know.
    Info,
    /// Something the reader must not miss (e.g. incomplete data).
    Warning,
}

/// A run of text inside a paragraph or bullet.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Strong(String),
    /// A link; `href` is shown in print and PDF after the text.
    Link {
        /// The link text.
        text: String,
        /// The target (an absolute URL or `#section-id`).
        href: String,
    },
}

/// A headline tile: "Children in care / 652 / up 10 since June".
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// What the figure is.
    pub label: String,
    /// The figure; a [`Cell::Count`] is subject to disclosure control like any table cell.
    pub value: Cell,
    /// A short line under the figure, if any.
    pub note: Option<String>,
}

impl KeyFigure {
    /// A tile without a note.
    pub fn new(label: impl Into<String>, value: Cell) -> Self {
        KeyFigure {
            label: label.into(),
            value,
            note: None,
        }
    }

    /// Adds the note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A table of figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Unique within the document; names the XLSX sheet.
    pub id: String,
    /// Shown above the table (HTML `<caption>`), and as the sheet's title.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<Column>,
    /// Body rows; rows marked `is_total` are the sums of the other rows.
    pub rows: Vec<Row>,
    /// Notes shown under the table (sources, definitions).
    pub notes: Vec<String>,
}

impl Table {
    /// A table with no rows yet.
    pub fn new(id: impl Into<String>, caption: impl Into<String>, columns: Vec<Column>) -> Self {
        Table {
            id: id.into(),
            caption: caption.into(),
            columns,
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Appends a body row.
    pub fn push_row(&mut self, cells: Vec<Cell>) -> &mut Self {
        self.rows.push(Row::new(cells));
        self
    }

    /// Appends a total row.
    pub fn push_total(&mut self, cells: Vec<Cell>) -> &mut Self {
        self.rows.push(Row::total(cells));
        self
    }

    /// Appends a note.
    pub fn push_note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }
}

/// A column heading and how its cells line up.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The heading. A last column titled "Total" holds each row's sum (disclosure control
    /// uses it for secondary suppression).
    pub title: String,
    /// Alignment of the cells.
    pub align: Align,
    /// When this column's figures are computed from the counts in another column of the same
    /// row (e.g. a percentage of a count), that column's index: a suppressed count suppresses
    /// the figure derived from it.
    pub derived_from: Option<usize>,
}

impl Column {
    /// A left-aligned text column.
    pub fn text(title: impl Into<String>) -> Self {
        Column {
            title: title.into(),
            align: Align::Left,
            derived_from: None,
        }
    }

    /// A right-aligned figure column.
    pub fn number(title: impl Into<String>) -> Self {
        Column {
            title: title.into(),
            align: Align::Right,
            derived_from: None,
        }
    }

    /// A centred column (RAG, trend, sparkline).
    pub fn center(title: impl Into<String>) -> Self {
        Column {
            title: title.into(),
            align: Align::Center,
            derived_from: None,
        }
    }

    /// A right-aligned figure column computed from the counts in column `count_column`.
    pub fn derived(title: impl Into<String>, count_column: usize) -> Self {
        Column {
            title: title.into(),
            align: Align::Right,
            derived_from: Some(count_column),
        }
    }
}

/// Horizontal alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    /// Text.
    Left,
    /// Figures.
    Right,
    /// Symbols.
    Center,
}

/// A table row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// This row is the sum of the table's other rows (shown bold; defines column sums).
    pub is_total: bool,
}

impl Row {
    /// A body row.
    pub fn new(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            is_total: false,
        }
    }

    /// A total row.
    pub fn total(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            is_total: true,
        }
    }
}

/// One table cell (or key figure).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count of children or records about them; `None` when not available. Subject to
    /// disclosure control when public. Counts of other things (indicators, actions, days) are
    /// [`Cell::Number`] with 0 decimals, so they are never withheld.
    Count(Option<i64>),
    /// Any other figure: a rate, a percentage, days.
    Number {
        /// The value, `None` when not available.
        value: Option<f64>,
        /// Decimal places shown.
        decimals: u8,
        /// Shown after the value, e.g. `"%"`, or `""`.
        suffix: String,
    },
    /// A RAG rating (word, symbol and colour; colour is never the only signal).
    Rag(RagStatus),
    /// Direction of travel (arrow and words).
    Trend(Direction),
    /// A small line of (usually 13) monthly values, oldest first.
    Sparkline(Vec<Option<f64>>),
    /// Withheld by disclosure control; shown as `c`. Builders do not create these.
    Suppressed,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    /// A known count.
    pub fn count(n: i64) -> Self {
        Cell::Count(Some(n))
    }

    /// A figure with `decimals` places and no suffix.
    pub fn number(value: f64, decimals: u8) -> Self {
        Cell::Number {
            value: Some(value),
            decimals,
            suffix: String::new(),
        }
    }

    /// A percentage shown with `decimals` places and a `%` sign (`value` is 0 to 100).
    pub fn percent(value: f64, decimals: u8) -> Self {
        Cell::Number {
            value: Some(value),
            decimals,
            suffix: "%".into(),
        }
    }

    /// An optional figure.
    pub fn maybe_number(value: Option<f64>, decimals: u8, suffix: impl Into<String>) -> Self {
        Cell::Number {
            value,
            decimals,
            suffix: suffix.into(),
        }
    }

    /// The cell as plain text, as every format shows it (counts and figures formatted with
    /// thousands separators; missing values as an empty string; suppressed as `c`).
    pub fn display_text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(Some(n)) => group_thousands(&n.to_string()),
            Cell::Count(None) => String::new(),
            Cell::Number {
                value: Some(v),
                decimals,
                suffix,
            } => format!("{}{suffix}", format_number(*v, *decimals)),
            Cell::Number { value: None, .. } => String::new(),
            Cell::Rag(r) => r.label().to_owned(),
            Cell::Trend(d) => d.label().to_owned(),
            Cell::Sparkline(values) => values
                .iter()
                .map(|v| v.map(|v| format_number(v, 1)).unwrap_or_else(|| "-".into()))
                .collect::<Vec<_>>()
                .join(", "),
            Cell::Suppressed => "c".into(),
        }
    }
}

/// A value formatted with `decimals` places and thousands separators: `1,234.5`.
pub fn format_number(value: f64, decimals: u8) -> String {
    let text = format!("{value:.*}", decimals as usize);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = group_thousands(int);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn group_thousands(int: &str) -> String {
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A RAG rating against target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RagStatus {
    /// Meets the stretch target.
    Blue,
    /// Meets the target.
    Green,
    /// Misses the target within tolerance.
    Amber,
    /// Misses the target by more than the tolerance.
    Red,
    /// No target, or no value to rate.
    NotRated,
}

impl RagStatus {
    /// The word shown with the colour.
    pub fn label(self) -> &'static str {
        match self {
            RagStatus::Blue => "Blue",
            RagStatus::Green => "Green",
            RagStatus::Amber => "Amber",
            RagStatus::Red => "Red",
            RagStatus::NotRated => "Not rated",
        }
    }

    /// The symbol shown with the word, so colour is never the only signal.
    pub fn symbol(self) -> &'static str {
        match self {
            RagStatus::Blue => "\u{2605}",     // ★
            RagStatus::Green => "\u{2714}",    // ✔
            RagStatus::Amber => "\u{25B2}",    // ▲
            RagStatus::Red => "\u{2716}",      // ✖
            RagStatus::NotRated => "\u{2013}", // –
        }
    }
}

/// Direction of travel since the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Moved the good way.
    Improving,
    /// Moved the bad way.
    Worsening,
    /// No meaningful change.
    Same,
    /// Went up, for a measure with no good direction (a volume).
    Up,
    /// Went down, for a measure with no good direction.
    Down,
    /// Not known (a value is missing).
    NotApplicable,
}

impl Direction {
    /// Words shown with the arrow.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Improving => "Improving",
            Direction::Worsening => "Worsening",
            Direction::Same => "No change",
            Direction::Up => "Up",
            Direction::Down => "Down",
            Direction::NotApplicable => "Not applicable",
        }
    }

    /// The arrow.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Improving => "\u{2191}", // ↑ (direction of "better", not of the value)
            Direction::Worsening => "\u{2193}", // ↓
            Direction::Same => "\u{2194}",      // ↔
            Direction::Up => "\u{2197}",        // ↗
            Direction::Down => "\u{2198}",      // ↘
            Direction::NotApplicable => "\u{2013}",
        }
    }
}

/// A chart; renderers always show its data table with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Unique within the document; names the XLSX sheet of its data.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// One sentence saying what the chart shows (its text alternative).
    pub alt: String,
    /// Line, bar or stacked bar.
    pub kind: ChartKind,
    /// The x-axis labels, one per value in each series.
    pub categories: Vec<String>,
    /// The series, one per line or bar colour.
    pub series: Vec<ChartSeries>,
    /// The y-axis label, e.g. "Children".
    pub y_label: String,
    /// The values are counts of children, so public reports suppress values of 1 to 5. Set
    /// `false` for rates and percentages.
    pub values_are_counts: bool,
    /// Notes shown under the chart (disclosure control adds one when it withholds values).
    pub notes: Vec<String>,
}

impl Chart {
    /// A chart of counts with no series yet.
    pub fn new(
        kind: ChartKind,
        id: impl Into<String>,
        title: impl Into<String>,
        alt: impl Into<String>,
        categories: Vec<String>,
        y_label: impl Into<String>,
    ) -> Self {
        Chart {
            id: id.into(),
            title: title.into(),
            alt: alt.into(),
            kind,
            categories,
            series: Vec::new(),
            y_label: y_label.into(),
            values_are_counts: true,
            notes: Vec::new(),
        }
    }

    /// Marks the values as rates or percentages (not subject to small-count suppression).
    pub fn of_rates(mut self) -> Self {
        self.values_are_counts = false;
        self
    }

    /// Appends a series, builder style.
    pub fn with_series(mut self, name: impl Into<String>, values: Vec<Option<f64>>) -> Self {
        self.series.push(ChartSeries::new(name, values));
        self
    }
}

/// What kind of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Lines over time, with markers.
    Line,
    /// Bars side by side per category.
    Bar,
    /// Bars stacked per category.
    StackedBar,
}

/// One series of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    /// Legend name.
    pub name: String,
    /// One value per category; `None` when missing or withheld.
    pub values: Vec<Option<f64>>,
    /// Positions withheld by disclosure control (shown as `c` in the data table). Builders
    /// leave it empty.
    pub suppressed: Vec<bool>,
}

impl ChartSeries {
    /// A series with nothing withheld.
    pub fn new(name: impl Into<String>, values: Vec<Option<f64>>) -> Self {
        ChartSeries {
            name: name.into(),
            values,
            suppressed: Vec::new(),
        }
    }

    /// Whether the value at `index` was withheld by disclosure control.
    pub fn is_suppressed(&self, index: usize) -> bool {
        self.suppressed.get(index).copied().unwrap_or(false)
    }

    /// The value at `index` as the data table shows it.
    pub fn display_value(&self, index: usize, decimals: u8) -> String {
        if self.is_suppressed(index) {
            return "c".into();
        }
        match self.values.get(index).copied().flatten() {
            Some(v) => format_number(v, decimals),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(format_number(1234567.891, 1), "1,234,567.9");
        assert_eq!(format_number(-1234.0, 0), "-1,234");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(12.346, 2), "12.35");
        assert_eq!(Cell::count(12345).display_text(), "12,345");
        assert_eq!(Cell::percent(45.26, 1).display_text(), "45.3%");
        assert_eq!(Cell::Suppressed.display_text(), "c");
        assert_eq!(Cell::Count(None).display_text(), "");
    }

    #[test]
    fn markings_name_the_audience() {
        assert!(Audience::Internal.marking().contains("not suppressed"));
        assert!(Audience::Public.marking().contains("shown as c"));
    }
}

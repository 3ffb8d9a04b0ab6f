//! PDF renderer for committee agenda packs: A4 pages laid out by our own small flow engine on
//! top of `pdf-writer` (see ARCHITECTURE.md for the choice), with the PDF base-14 Helvetica
//! fonts so nothing is embedded or needed at run time.
//!
//! - Text is wrapped with Helvetica's published glyph widths ([`glyph_width`]) and encoded as
//!   WinAnsi; characters outside it are shown as `?`.
//! - Tables break across pages between rows, repeating their caption ("continued") and header
//!   row; a row never splits. Columns get their natural width, squeezed towards the longest
//!   word when the page is too narrow.
//! - Charts are vector drawings of the same geometry as the SVG ([`super::svg::Layout`]):
//!   patterns, dashes and marker shapes as well as colours; their data table follows them.
//! - Every page's footer carries the audience marking and "Page n of N"; pages after the first
//!   carry the title in a running header.

use super::chart_data_table;
use super::svg::{
    DASHES, FILL_PATTERNS, Layout, MARKERS, Marker, colour, legend_positions, tick_decimals,
    value_decimals,
};
use crate::doc::{
    Align, Block, Cell, Chart, ChartKind, Direction, Document, Inline, KeyFigure, NoticeKind,
    RagStatus, Section, Table, format_number,
};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 42.5;
const RIGHT: f32 = PAGE_W - 42.5;
const TOP: f32 = 50.0;
/// Content stops here (top-down y); the footer sits below.
const BOTTOM: f32 = PAGE_H - 56.0;
const WIDTH: f32 = RIGHT - LEFT;

const TEXT: Rgb = Rgb(0x0b, 0x0c, 0x0c);
const MUTED: Rgb = Rgb(0x50, 0x5a, 0x5f);
const LINE: Rgb = Rgb(0xb1, 0xb4, 0xb6);
const PANEL: Rgb = Rgb(0xf3, 0xf2, 0xf1);
const BRAND: Rgb = Rgb(0x1d, 0x70, 0xb8);
const RED: Rgb = Rgb(0xd4, 0x35, 0x1c);
const GREEN: Rgb = Rgb(0x00, 0x70, 0x3c);
const YELLOW: Rgb = Rgb(0xff, 0xdd, 0x00);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgb(u8, u8, u8);

impl Rgb {
    fn hex(s: &str) -> Rgb {
        let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0);
        Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
    fn f(self) -> (f32, f32, f32) {
        (
            self.0 as f32 / 255.0,
            self.1 as f32 / 255.0,
            self.2 as f32 / 255.0,
        )
    }
    /// Mixed with white: `amount` 0 is white, 1 is the colour.
    fn tint(self, amount: f32) -> Rgb {
        let m = |c: u8| (255.0 - (255.0 - c as f32) * amount).round() as u8;
        Rgb(m(self.0), m(self.1), m(self.2))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
    Italic,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
            Font::Italic => Name(b"F3"),
        }
    }
}

/// Helvetica and Helvetica-Bold advance widths (1/1000 em) for ASCII 32..=126, from the
/// Adobe font metrics of the base-14 fonts (Helvetica-Oblique shares Helvetica's).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// The WinAnsi byte for a character, `?` when it has none.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2026}' => 0x85,
        '\u{20ac}' => 0x80,
        _ => b'?',
    }
}

fn encode(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi).collect()
}

/// Advance width of a WinAnsi byte in 1/1000 em.
fn glyph_width(byte: u8, font: Font) -> u16 {
    let table = if font == Font::Bold {
        &HELVETICA_BOLD
    } else {
        &HELVETICA
    };
    match byte {
        32..=126 => table[(byte - 32) as usize],
        0x96 => 556,
        0x97 | 0x85 => 1000,
        0x91 | 0x92 => 222,
        0x93 | 0x94 => 333,
        0x95 => 350,
        _ => 556,
    }
}

/// Width of `text` in points.
fn text_width(text: &str, font: Font, size: f32) -> f32 {
    text.chars()
        .map(|c| glyph_width(win_ansi(c), font) as f32)
        .sum::<f32>()
        * size
        / 1000.0
}

/// Breaks `text` into lines no wider than `width`, breaking inside words only when one word is
/// wider than a line.
fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, font, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut into pieces that fit.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if text_width(&piece, font, size) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

/// A run of one style inside a word.
struct Part {
    text: String,
    font: Font,
    colour: Rgb,
}

/// A word of a paragraph: one or more styled parts with no space between them ("**10**," is
/// one word of two parts), so punctuation after bold text or a link stays attached.
struct Word {
    parts: Vec<Part>,
}

impl Word {
    fn plain(text: &str, font: Font, colour: Rgb) -> Word {
        Word {
            parts: vec![Part {
                text: text.to_owned(),
                font,
                colour,
            }],
        }
    }

    fn width(&self, size: f32) -> f32 {
        self.parts
            .iter()
            .map(|p| text_width(&p.text, p.font, size))
            .sum()
    }
}

fn inline_words(inlines: &[Inline]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    // Whether the previous run ended mid-word, so the next run's first token continues it.
    let mut open = false;
    let mut push = |text: &str, font: Font, colour: Rgb| {
        let starts_joined = !text.starts_with(char::is_whitespace);
        for (i, token) in text.split_whitespace().enumerate() {
            let part = Part {
                text: token.to_owned(),
                font,
                colour,
            };
            match words.last_mut() {
                Some(last) if i == 0 && open && starts_joined => last.parts.push(part),
                _ => words.push(Word { parts: vec![part] }),
            }
        }
        open = !text.is_empty() && !text.ends_with(char::is_whitespace);
    };
    for inline in inlines {
        match inline {
            Inline::Text(t) => push(t, Font::Regular, TEXT),
            Inline::Strong(t) => push(t, Font::Bold, TEXT),
            Inline::Link { text, href } => {
                push(text, Font::Regular, BRAND);
                if href.starts_with("http") {
                    push(&format!(" ({href})"), Font::Regular, MUTED);
                }
            }
        }
    }
    words
}

/// The page-flow writer: current page, current y (top-down, points).
struct Writer<'a> {
    doc: &'a Document,
    pages: Vec<Content>,
    y: f32,
    /// Bookmarks: (section title, page index, top y) for the PDF outline.
    outline: Vec<(String, usize, f32)>,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut w = Writer {
            doc,
            pages: Vec::new(),
            y: TOP,
            outline: Vec::new(),
        };
        w.new_page();
        w
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a page always exists")
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
        if self.pages.len() > 1 {
            let header = format!("{} \u{b7} {}", self.doc.title, self.doc.period_label);
            self.text(LEFT, 30.0, Font::Regular, 8.0, MUTED, &header);
            self.hline(LEFT, RIGHT, 34.0, LINE, 0.5);
        }
    }

    fn at_page_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, font: Font, size: f32, colour: Rgb, text: &str) {
        let bytes = encode(text);
        let (r, g, b) = colour.f();
        self.page()
            .begin_text()
            .set_fill_rgb(r, g, b)
            .set_font(font.name(), size)
            .next_line(x, PAGE_H - baseline)
            .show(Str(&bytes))
            .end_text();
    }

    fn text_right(&mut self, right: f32, baseline: f32, font: Font, size: f32, c: Rgb, t: &str) {
        let x = right - text_width(t, font, size);
        self.text(x, baseline, font, size, c, t);
    }

    /// Text rotated `degrees` anticlockwise about its start point.
    fn text_rotated(&mut self, x: f32, baseline: f32, degrees: f32, size: f32, text: &str) {
        let bytes = encode(text);
        let (s, c) = degrees.to_radians().sin_cos();
        let (r, g, b) = TEXT.f();
        self.page()
            .begin_text()
            .set_fill_rgb(r, g, b)
            .set_font(Font::Regular.name(), size)
            .set_text_matrix([c, s, -s, c, x, PAGE_H - baseline])
            .show(Str(&bytes))
            .end_text();
    }

    fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, colour: Rgb) {
        let (r, g, b) = colour.f();
        self.page()
            .set_fill_rgb(r, g, b)
            .rect(x, PAGE_H - top - h, w, h)
            .fill_nonzero();
    }

    fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, colour: Rgb, width: f32) {
        let (r, g, b) = colour.f();
        self.page()
            .set_stroke_rgb(r, g, b)
            .set_line_width(width)
            .set_dash_pattern([], 0.0)
            .rect(x, PAGE_H - top - h, w, h)
            .stroke();
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, colour: Rgb, width: f32) {
        self.line(x1, y, x2, y, colour, width, &[]);
    }

    #[allow(clippy::too_many_arguments)]
    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, colour: Rgb, width: f32, dash: &[f32]) {
        let (r, g, b) = colour.f();
        self.page()
            .set_stroke_rgb(r, g, b)
            .set_line_width(width)
            .set_dash_pattern(dash.iter().copied(), 0.0)
            .move_to(x1, PAGE_H - y1)
            .line_to(x2, PAGE_H - y2)
            .stroke();
    }

    /// Wrapped lines of one font, advancing y.
    fn lines(&mut self, x: f32, width: f32, font: Font, size: f32, colour: Rgb, text: &str) {
        let leading = size * 1.3;
        for line in wrap(text, font, size, width) {
            self.ensure(leading);
            self.text(x, self.y + size, font, size, colour, &line);
            self.y += leading;
        }
    }

    fn title_block(&mut self) {
        let doc = self.doc;
        self.lines(LEFT, WIDTH, Font::Bold, 22.0, TEXT, &doc.title);
        if let Some(sub) = &doc.subtitle {
            self.y += 2.0;
            self.lines(LEFT, WIDTH, Font::Regular, 13.0, MUTED, sub);
        }
        self.y += 2.0;
        let meta = format!("{} \u{b7} {}", doc.council, doc.period_label);
        self.lines(LEFT, WIDTH, Font::Regular, 10.5, MUTED, &meta);
        self.y += 6.0;
        let marking = doc.audience.marking();
        let w = text_width(marking, Font::Bold, 10.0) + 16.0;
        self.stroke_rect(LEFT, self.y, w, 20.0, TEXT, 1.5);
        self.text(LEFT + 8.0, self.y + 14.0, Font::Bold, 10.0, TEXT, marking);
        self.y += 30.0;
    }

    fn section(&mut self, section: &Section) {
        if section.page_break_before && !self.at_page_top() {
            self.new_page();
        }
        self.ensure(26.0 + 60.0);
        self.y += if self.at_page_top() { 0.0 } else { 10.0 };
        self.outline
            .push((section.title.clone(), self.pages.len() - 1, self.y));
        self.lines(LEFT, WIDTH, Font::Bold, 16.0, TEXT, &section.title);
        self.hline(LEFT, RIGHT, self.y, TEXT, 1.5);
        self.y += 8.0;
        for block in &section.blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => {
                let size = if *level <= 3 { 12.5 } else { 10.5 };
                self.ensure(size * 1.3 + 50.0);
                self.y += 6.0;
                self.lines(LEFT, WIDTH, Font::Bold, size, TEXT, text);
                self.y += 2.0;
            }
            Block::Paragraph(inlines) => {
                self.paragraph(LEFT, WIDTH, &inline_words(inlines), 10.0);
                self.y += 6.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    self.ensure(13.0);
                    self.text(
                        LEFT + 4.0,
                        self.y + 10.0,
                        Font::Regular,
                        10.0,
                        TEXT,
                        "\u{2022}",
                    );
                    self.paragraph(LEFT + 16.0, WIDTH - 16.0, &inline_words(item), 10.0);
                    self.y += 3.0;
                }
                self.y += 4.0;
            }
            Block::KeyFigures(figures) => self.key_figures(figures),
            Block::Table(table) => self.table(table),
            Block::Chart(chart) => self.chart(chart),
            Block::Notice { kind, text } => self.notice(*kind, text),
        }
    }

    fn paragraph(&mut self, x: f32, width: f32, words: &[Word], size: f32) {
        let leading = size * 1.35;
        let space = text_width(" ", Font::Regular, size);
        let mut line: Vec<&Word> = Vec::new();
        let mut line_w = 0.0;
        let flush = |w: &mut Self, line: &mut Vec<&Word>| {
            w.ensure(leading);
            let mut cx = x;
            for word in line.iter() {
                for part in &word.parts {
                    w.text(cx, w.y + size, part.font, size, part.colour, &part.text);
                    cx += text_width(&part.text, part.font, size);
                }
                cx += space;
            }
            w.y += leading;
            line.clear();
        };
        for word in words {
            let ww = word.width(size);
            let extra = if line.is_empty() { ww } else { space + ww };
            if !line.is_empty() && line_w + extra > width {
                flush(self, &mut line);
                line.push(word);
                line_w = ww;
            } else {
                line.push(word);
                line_w += extra;
            }
        }
        if !line.is_empty() {
            flush(self, &mut line);
        }
    }

    fn notice(&mut self, kind: NoticeKind, text: &str) {
        let (bar, bg, prefix) = match kind {
            NoticeKind::Info => (BRAND, BRAND.tint(0.08), None),
            NoticeKind::Warning => (RED, RED.tint(0.06), Some("Warning:")),
        };
        let mut words = Vec::new();
        if let Some(p) = prefix {
            words.push(Word::plain(p, Font::Bold, TEXT));
        }
        words.extend(inline_words(&[Inline::Text(text.into())]));
        // Measure first so the box is drawn behind the text, on one page.
        let lines = wrap(
            &format!("{} {text}", prefix.unwrap_or("")),
            Font::Regular,
            10.0,
            WIDTH - 24.0,
        )
        .len();
        let h = lines as f32 * 13.5 + 12.0;
        self.ensure(h);
        self.fill_rect(LEFT, self.y, WIDTH, h, bg);
        self.fill_rect(LEFT, self.y, 4.0, h, bar);
        self.y += 6.0;
        self.paragraph(LEFT + 14.0, WIDTH - 24.0, &words, 10.0);
        self.y += 14.0;
    }

    fn key_figures(&mut self, figures: &[KeyFigure]) {
        let per_row = figures.len().clamp(1, 4);
        let gap = 8.0;
        let w = (WIDTH - gap * (per_row as f32 - 1.0)) / per_row as f32;
        for chunk in figures.chunks(per_row) {
            let note_lines = chunk
                .iter()
                .map(|f| {
                    f.note
                        .as_deref()
                        .map(|n| wrap(n, Font::Regular, 8.0, w - 16.0).len())
                        .unwrap_or(0)
                })
                .max()
                .unwrap_or(0);
            let label_lines = chunk
                .iter()
                .map(|f| wrap(&f.label, Font::Regular, 9.0, w - 16.0).len())
                .max()
                .unwrap_or(1);
            let h = 12.0 + label_lines as f32 * 11.0 + 24.0 + note_lines as f32 * 10.0 + 6.0;
            self.ensure(h);
            let top = self.y;
            for (i, f) in chunk.iter().enumerate() {
                let x = LEFT + i as f32 * (w + gap);
                self.fill_rect(x, top, w, h, PANEL);
                self.fill_rect(x, top, w, 3.5, BRAND);
                let mut y = top + 16.0;
                for l in wrap(&f.label, Font::Regular, 9.0, w - 16.0) {
                    self.text(x + 8.0, y, Font::Regular, 9.0, TEXT, &l);
                    y += 11.0;
                }
                y += 15.0;
                self.text(x + 8.0, y, Font::Bold, 20.0, TEXT, &f.value.display_text());
                y += 12.0;
                if let Some(note) = &f.note {
                    for l in wrap(note, Font::Regular, 8.0, w - 16.0) {
                        self.text(x + 8.0, y, Font::Regular, 8.0, MUTED, &l);
                        y += 10.0;
                    }
                }
            }
            self.y = top + h + gap;
        }
        self.y += 4.0;
    }

    fn table(&mut self, table: &Table) {
        let (style, widths) = fit_table(table);
        let TableStyle { size, lead, pad } = style;
        let header: Vec<Vec<String>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap(&c.title, Font::Bold, size, w - 2.0 * pad))
            .collect();
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lead + 2.0 * pad;
        let caption = wrap(&table.caption, Font::Bold, 10.0, WIDTH);
        let caption_h = caption.len() as f32 * 13.0 + 3.0;
        let head = TableHead {
            lines: header,
            widths: widths.clone(),
            height: header_h,
            style,
        };
        let rows: Vec<(Vec<Vec<String>>, f32)> = table
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<Vec<String>> = row
                    .cells
                    .iter()
                    .enumerate()
                    .zip(&widths)
                    .map(|((c, cell), w)| match cell {
                        Cell::Rag(_) | Cell::Trend(_) | Cell::Sparkline(_) => vec![String::new()],
                        other => wrap(
                            &other.display_text(),
                            cell_font(row.is_total, c, cell),
                            size,
                            w - 2.0 * pad,
                        ),
                    })
                    .collect();
                let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let h = lines as f32 * lead + 2.0 * pad;
                let h = if row.cells.iter().any(|c| matches!(c, Cell::Sparkline(_))) {
                    h.max(18.0)
                } else {
                    h
                };
                (cells, h)
            })
            .collect();
        let first_row = rows.first().map(|r| r.1).unwrap_or(0.0);
        let whole = caption_h + header_h + rows.iter().map(|r| r.1).sum::<f32>() + 4.0;
        // A short table is kept on one page; a long one starts with at least a few rows.
        let three: f32 = rows.iter().take(3).map(|r| r.1).sum();
        self.ensure(if whole <= 300.0 {
            whole
        } else {
            caption_h + header_h + three.max(first_row) + 4.0
        });
        self.y += 4.0;
        self.table_head(&caption, &head, table, false);
        for ((cells, h), row) in rows.iter().zip(&table.rows) {
            if self.y + h > BOTTOM {
                self.new_page();
                let caption = wrap(
                    &format!("{} (continued)", table.caption),
                    Font::Bold,
                    10.0,
                    WIDTH,
                );
                self.table_head(&caption, &head, table, true);
            }
            if row.is_total {
                self.hline(LEFT, LEFT + widths.iter().sum::<f32>(), self.y, TEXT, 1.2);
            }
            let mut x = LEFT;
            for (c, (lines, cell)) in cells.iter().zip(&row.cells).enumerate() {
                let w = widths[c];
                let align = table.columns.get(c).map(|c| c.align).unwrap_or(Align::Left);
                let font = cell_font(row.is_total, c, cell);
                match cell {
                    Cell::Rag(r) => self.rag(x + pad, self.y + pad, *r, size),
                    Cell::Trend(d) => self.trend(x + pad, self.y + pad, *d, size),
                    Cell::Sparkline(v) => {
                        self.sparkline(x + pad, self.y + pad, (w - 2.0 * pad).min(64.0), 12.0, v)
                    }
                    _ => {
                        let colour = if matches!(cell, Cell::Suppressed) {
                            MUTED
                        } else {
                            TEXT
                        };
                        for (i, l) in lines.iter().enumerate() {
                            let baseline = self.y + pad + size + i as f32 * lead - 0.5;
                            match align {
                                Align::Right => {
                                    self.text_right(x + w - pad, baseline, font, size, colour, l)
                                }
                                Align::Center => {
                                    let tw = text_width(l, font, size);
                                    self.text(x + (w - tw) / 2.0, baseline, font, size, colour, l)
                                }
                                Align::Left => self.text(x + pad, baseline, font, size, colour, l),
                            }
                        }
                    }
                }
                x += w;
            }
            self.y += h;
            self.hline(LEFT, LEFT + widths.iter().sum::<f32>(), self.y, LINE, 0.5);
        }
        self.y += 4.0;
        for note in &table.notes {
            self.lines(LEFT, WIDTH, Font::Italic, 7.5, MUTED, note);
        }
        self.y += 8.0;
    }

    /// Draws a table's caption and header row (again after a page break, `continued`).
    fn table_head(&mut self, caption: &[String], head: &TableHead, table: &Table, continued: bool) {
        let TableStyle { size, lead, pad } = head.style;
        let (header, widths, header_h) = (&head.lines, &head.widths, head.height);
        for l in caption {
            self.text(
                LEFT,
                self.y + 10.0,
                Font::Bold,
                10.0,
                if continued { MUTED } else { TEXT },
                l,
            );
            self.y += 13.0;
        }
        self.y += 3.0;
        let total_w: f32 = widths.iter().sum();
        self.fill_rect(LEFT, self.y, total_w, header_h, PANEL);
        let mut x = LEFT;
        for (c, lines) in header.iter().enumerate() {
            let w = widths[c];
            let align = table.columns[c].align;
            // Headers sit on the bottom line of the header band, as in HTML.
            let offset = header_h - 2.0 * pad - lines.len() as f32 * lead;
            for (i, l) in lines.iter().enumerate() {
                let baseline = self.y + pad + offset + size + i as f32 * lead - 0.5;
                match align {
                    Align::Right => {
                        self.text_right(x + w - pad, baseline, Font::Bold, size, TEXT, l)
                    }
                    Align::Center => {
                        let tw = text_width(l, Font::Bold, size);
                        self.text(x + (w - tw) / 2.0, baseline, Font::Bold, size, TEXT, l)
                    }
                    Align::Left => self.text(x + pad, baseline, Font::Bold, size, TEXT, l),
                }
            }
            x += w;
        }
        self.y += header_h;
        self.hline(LEFT, LEFT + total_w, self.y, TEXT, 1.0);
    }

    fn rag(&mut self, x: f32, top: f32, rag: RagStatus, size: f32) {
        let (bg, fg) = match rag {
            RagStatus::Red => (RED, WHITE),
            RagStatus::Amber => (YELLOW, TEXT),
            RagStatus::Green => (GREEN, WHITE),
            RagStatus::Blue => (BRAND, WHITE),
            RagStatus::NotRated => (WHITE, MUTED),
        };
        let label = rag.label();
        let w = text_width(label, Font::Bold, size) + 8.0;
        self.fill_rect(x, top - 1.0, w, size + 3.0, bg);
        if rag == RagStatus::NotRated || rag == RagStatus::Amber {
            self.stroke_rect(x, top - 1.0, w, size + 3.0, MUTED, 0.6);
        }
        self.text(x + 4.0, top + size - 0.5, Font::Bold, size, fg, label);
    }

    fn trend(&mut self, x: f32, top: f32, d: Direction, size: f32) {
        let colour = match d {
            Direction::Improving => GREEN,
            Direction::Worsening => RED,
            _ => TEXT,
        };
        // A drawn arrow (WinAnsi has none): up, down, sideways, or a dash.
        let (cx, cy) = (x + 4.0, top + size / 2.0 + 0.5);
        let (dx, dy): (f32, f32) = match d {
            Direction::Improving => (0.0, -1.0),
            Direction::Worsening => (0.0, 1.0),
            Direction::Up => (0.7, -0.7),
            Direction::Down => (0.7, 0.7),
            Direction::Same => (1.0, 0.0),
            Direction::NotApplicable => (0.0, 0.0),
        };
        if dx != 0.0 || dy != 0.0 {
            let len = 4.0;
            let (x1, y1, x2, y2) = (cx - dx * len, cy - dy * len, cx + dx * len, cy + dy * len);
            self.line(x1, y1, x2, y2, colour, 1.3, &[]);
            // Arrow head.
            let (px, py) = (-dy, dx);
            let (r, g, b) = colour.f();
            self.page()
                .set_fill_rgb(r, g, b)
                .move_to(x2 + dx * 1.5, PAGE_H - (y2 + dy * 1.5))
                .line_to(
                    x2 - dx * 2.5 + px * 2.5,
                    PAGE_H - (y2 - dy * 2.5 + py * 2.5),
                )
                .line_to(
                    x2 - dx * 2.5 - px * 2.5,
                    PAGE_H - (y2 - dy * 2.5 - py * 2.5),
                )
                .close_path()
                .fill_nonzero();
        }
        self.text(
            x + 11.0,
            top + size - 0.5,
            Font::Regular,
            size,
            colour,
            d.label(),
        );
    }

    fn sparkline(&mut self, x: f32, top: f32, w: f32, h: f32, values: &[Option<f64>]) {
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        if present.is_empty() {
            self.text(x, top + 8.0, Font::Italic, 7.5, MUTED, "no data");
            return;
        }
        let lo = present.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let step = if values.len() > 1 {
            w / (values.len() - 1) as f32
        } else {
            0.0
        };
        let point = |j: usize, v: f64| {
            let fy = if hi > lo {
                ((v - lo) / (hi - lo)) as f32
            } else {
                0.5
            };
            (x + step * j as f32, top + h - fy * h)
        };
        let (r, g, b) = TEXT.f();
        let mut pen = false;
        let mut last = None;
        {
            let page = self.page();
            page.set_stroke_rgb(r, g, b)
                .set_line_width(0.9)
                .set_dash_pattern([], 0.0);
            for (j, v) in values.iter().enumerate() {
                match v {
                    Some(v) => {
                        let (px, py) = point(j, *v);
                        if pen {
                            page.line_to(px, PAGE_H - py);
                        } else {
                            page.move_to(px, PAGE_H - py);
                        }
                        pen = true;
                        last = Some((px, py));
                    }
                    None => pen = false,
                }
            }
            page.stroke();
        }
        if let Some((px, py)) = last {
            self.fill_rect(px - 1.5, py - 1.5, 3.0, 3.0, BRAND);
        }
    }

    fn chart(&mut self, chart: &Chart) {
        let layout = Layout::new(chart);
        let s = WIDTH / layout.width as f32;
        let box_h = layout.height as f32 * s;
        let title = wrap(&chart.title, Font::Bold, 10.5, WIDTH);
        self.ensure(title.len() as f32 * 13.0 + box_h + 30.0);
        self.y += 4.0;
        for l in &title {
            self.text(LEFT, self.y + 10.5, Font::Bold, 10.5, TEXT, l);
            self.y += 13.5;
        }
        let y0 = self.y;
        let px = |x: f64| LEFT + x as f32 * s;
        let py = |y: f64| y0 + y as f32 * s;
        let n = chart.categories.len();
        let decimals = value_decimals(chart);

        // Legend.
        if chart.series.len() > 1 {
            for (i, (series, (lx, row))) in
                chart.series.iter().zip(legend_positions(chart)).enumerate()
            {
                let ly = 14.0 + row as f64 * 20.0;
                match chart.kind {
                    ChartKind::Line => {
                        let c = Rgb::hex(colour(i));
                        self.line(px(lx), py(ly), px(lx + 26.0), py(ly), c, 2.0, &dash(i));
                        self.marker(MARKERS[i % MARKERS.len()], px(lx + 13.0), py(ly), c);
                    }
                    _ => self.pattern_rect(i, px(lx), py(ly - 6.0), 24.0 * s, 12.0 * s),
                }
                self.text(
                    px(lx + 32.0),
                    py(ly + 4.0),
                    Font::Regular,
                    9.0,
                    TEXT,
                    &series.name,
                );
            }
        }
        // Grid and y ticks.
        let tick_dec = tick_decimals(&layout.ticks);
        for t in &layout.ticks {
            let y = py(layout.y(*t));
            let c = if *t == 0.0 {
                TEXT
            } else {
                Rgb(0xdd, 0xdd, 0xdd)
            };
            self.hline(px(layout.plot_left()), px(layout.plot_right()), y, c, 0.6);
            self.text_right(
                px(layout.plot_left() - 6.0),
                y + 3.0,
                Font::Regular,
                8.0,
                MUTED,
                &format_number(*t, tick_dec),
            );
        }
        let mid = py((layout.plot_top() + layout.plot_bottom()) / 2.0);
        let label_w = text_width(&chart.y_label, Font::Regular, 8.5);
        self.text_rotated(px(14.0), mid + label_w / 2.0, 90.0, 8.5, &chart.y_label);
        let (l, r) = (px(layout.plot_left()), px(layout.plot_right()));
        let (t, b) = (py(layout.plot_top()), py(layout.plot_bottom()));
        self.line(l, t, l, b, TEXT, 0.8, &[]);
        self.hline(l, r, b, TEXT, 0.8);
        for (i, label) in chart.categories.iter().enumerate() {
            let x = px(layout.x_center(i, n));
            self.line(x, b, x, b + 3.0, TEXT, 0.6, &[]);
            if i % layout.label_every != 0 {
                continue;
            }
            let lw = text_width(label, Font::Regular, 8.0);
            if layout.rotate_labels {
                let d = lw * std::f32::consts::FRAC_1_SQRT_2;
                self.text_rotated(x - d, b + 9.0 + d, 45.0, 8.0, label);
            } else {
                self.text(x - lw / 2.0, b + 13.0, Font::Regular, 8.0, TEXT, label);
            }
        }
        match chart.kind {
            ChartKind::Line => {
                for (i, series) in chart.series.iter().enumerate() {
                    let c = Rgb::hex(colour(i));
                    let mut prev: Option<(f32, f32)> = None;
                    let mut points = Vec::new();
                    for (j, v) in series.values.iter().enumerate().take(n) {
                        match v {
                            Some(v) => {
                                let p = (px(layout.x_center(j, n)), py(layout.y(*v)));
                                if let Some(q) = prev {
                                    self.line(q.0, q.1, p.0, p.1, c, 2.0, &dash(i));
                                }
                                prev = Some(p);
                                points.push((p, *v));
                            }
                            None => prev = None,
                        }
                    }
                    for ((x, y), _) in &points {
                        self.marker(MARKERS[i % MARKERS.len()], *x, *y, c);
                    }
                    if let Some(((x, y), v)) = points.last() {
                        let label = format_number(*v, decimals);
                        self.text_right(*x, *y - 6.0, Font::Bold, 8.0, c, &label);
                    }
                }
            }
            ChartKind::Bar => {
                let k = chart.series.len().max(1);
                let band = layout.band(n);
                let bar = (band * 0.8 / k as f64).min(48.0);
                let label_values = n * k <= 40;
                let zero = layout.y(0.0);
                for (i, series) in chart.series.iter().enumerate() {
                    for j in 0..n {
                        let x = layout.x_center(j, n) - bar * k as f64 / 2.0 + bar * i as f64;
                        match series.values.get(j).copied().flatten() {
                            Some(v) => {
                                let y = layout.y(v);
                                let (top, h) = if v >= 0.0 {
                                    (y, zero - y)
                                } else {
                                    (zero, y - zero)
                                };
                                self.pattern_rect(
                                    i,
                                    px(x),
                                    py(top),
                                    (bar - 1.0) as f32 * s,
                                    h as f32 * s,
                                );
                                if label_values {
                                    let t = format_number(v, decimals);
                                    let tw = text_width(&t, Font::Regular, 7.5);
                                    let cx = px(x + bar / 2.0);
                                    self.text(
                                        cx - tw / 2.0,
                                        py(top) - 2.5,
                                        Font::Regular,
                                        7.5,
                                        TEXT,
                                        &t,
                                    );
                                }
                            }
                            None if series.is_suppressed(j) => {
                                let cx = px(x + bar / 2.0);
                                self.text(cx - 2.0, py(zero) - 2.5, Font::Italic, 7.5, MUTED, "c");
                            }
                            None => {}
                        }
                    }
                }
            }
            ChartKind::StackedBar => {
                let band = layout.band(n);
                let bar = (band * 0.7).min(60.0);
                for j in 0..n {
                    let x = layout.x_center(j, n) - bar / 2.0;
                    let mut base = 0.0;
                    for (i, series) in chart.series.iter().enumerate() {
                        let Some(v) = series.values.get(j).copied().flatten().filter(|v| *v > 0.0)
                        else {
                            continue;
                        };
                        let (y0v, y1v) = (layout.y(base), layout.y(base + v));
                        self.pattern_rect(
                            i,
                            px(x),
                            py(y1v),
                            bar as f32 * s,
                            (y0v - y1v) as f32 * s,
                        );
                        if y0v - y1v >= 14.0 && bar >= 22.0 {
                            let t = format_number(v, decimals);
                            let tw = text_width(&t, Font::Bold, 7.5);
                            let cx = px(x + bar / 2.0);
                            let cy = py((y0v + y1v) / 2.0) + 2.5;
                            self.fill_rect(cx - tw / 2.0 - 1.5, cy - 7.5, tw + 3.0, 9.5, WHITE);
                            self.text(cx - tw / 2.0, cy, Font::Bold, 7.5, TEXT, &t);
                        }
                        base += v;
                    }
                }
            }
        }
        self.y = y0 + box_h + 4.0;
        self.lines(LEFT, WIDTH, Font::Italic, 8.5, MUTED, &chart.alt);
        for note in &chart.notes {
            self.lines(LEFT, WIDTH, Font::Italic, 8.0, MUTED, note);
        }
        self.y += 4.0;
        let mut data = chart_data_table(chart);
        data.caption = format!("Data: {}", data.caption);
        self.table(&data);
    }

    fn marker(&mut self, marker: Marker, x: f32, y: f32, c: Rgb) {
        let (r, g, b) = c.f();
        let y = PAGE_H - y;
        let page = self.page();
        page.set_fill_rgb(r, g, b)
            .set_stroke_rgb(r, g, b)
            .set_line_width(1.3)
            .set_dash_pattern([], 0.0);
        match marker {
            Marker::Circle => {
                // Four Bezier arcs.
                let (rad, k) = (3.0, 3.0 * 0.5523);
                page.move_to(x + rad, y)
                    .cubic_to(x + rad, y + k, x + k, y + rad, x, y + rad)
                    .cubic_to(x - k, y + rad, x - rad, y + k, x - rad, y)
                    .cubic_to(x - rad, y - k, x - k, y - rad, x, y - rad)
                    .cubic_to(x + k, y - rad, x + rad, y - k, x + rad, y)
                    .set_fill_rgb(1.0, 1.0, 1.0)
                    .fill_nonzero_and_stroke();
            }
            Marker::Square => {
                page.rect(x - 2.8, y - 2.8, 5.6, 5.6).fill_nonzero();
            }
            Marker::Triangle => {
                page.move_to(x, y + 4.0)
                    .line_to(x + 3.6, y - 2.8)
                    .line_to(x - 3.6, y - 2.8)
                    .close_path()
                    .fill_nonzero();
            }
            Marker::Diamond => {
                page.move_to(x, y + 4.0)
                    .line_to(x + 4.0, y)
                    .line_to(x, y - 4.0)
                    .line_to(x - 4.0, y)
                    .close_path()
                    .set_fill_rgb(1.0, 1.0, 1.0)
                    .fill_nonzero_and_stroke();
            }
        }
    }

    /// A bar or legend swatch in series `i`'s fill: solid, hatched, dotted or cross-hatched.
    fn pattern_rect(&mut self, i: usize, x: f32, top: f32, w: f32, h: f32) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let c = Rgb::hex(colour(i));
        if i.is_multiple_of(FILL_PATTERNS) {
            self.fill_rect(x, top, w, h, c);
            return;
        }
        self.fill_rect(x, top, w, h, c.tint(0.35));
        let (r, g, b) = c.f();
        let bottom = PAGE_H - top - h;
        let page = self.page();
        page.save_state()
            .rect(x, bottom, w, h)
            .clip_nonzero()
            .end_path()
            .set_stroke_rgb(r, g, b)
            .set_fill_rgb(r, g, b)
            .set_line_width(1.2)
            .set_dash_pattern([], 0.0);
        let span = w + h;
        let mut d = 0.0;
        while d < span {
            match i % FILL_PATTERNS {
                1 => {
                    page.move_to(x + d, bottom).line_to(x + d - h, bottom + h);
                }
                2 => {
                    let mut yy = bottom + 2.0;
                    while yy < bottom + h {
                        page.rect(x + d + 1.5, yy, 1.6, 1.6);
                        yy += 4.0;
                    }
                }
                _ => {
                    page.move_to(x + d, bottom).line_to(x + d - h, bottom + h);
                    page.move_to(x + d - h, bottom).line_to(x + d, bottom + h);
                }
            }
            d += 4.0;
        }
        if i % FILL_PATTERNS == 2 {
            page.fill_nonzero();
        } else {
            page.stroke();
        }
        page.restore_state();
        self.stroke_rect(x, top, w, h, c, 0.8);
    }

    fn finish(mut self) -> Vec<u8> {
        let total = self.pages.len();
        let marking = self.doc.audience.marking();
        for i in 0..total {
            // Footers go on last, when the page count is known.
            let last = self.pages.len() - 1;
            self.pages.swap(i, last);
            self.hline(LEFT, RIGHT, PAGE_H - 40.0, LINE, 0.5);
            self.text(LEFT, PAGE_H - 28.0, Font::Bold, 8.0, TEXT, marking);
            let page_no = format!("Page {} of {total}", i + 1);
            self.text_right(RIGHT, PAGE_H - 28.0, Font::Regular, 8.0, MUTED, &page_no);
            self.pages.swap(i, last);
        }

        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let info = Ref::new(3);
        let fonts = [Ref::new(4), Ref::new(5), Ref::new(6)];
        let outline_root = Ref::new(7);
        let first_outline_item = 8;
        let first_page = first_outline_item + self.outline.len() as i32;
        let page_ids: Vec<Ref> = (0..total)
            .map(|i| Ref::new(first_page + 2 * i as i32))
            .collect();
        {
            let mut cat = pdf.catalog(catalog);
            cat.pages(tree).lang(TextStr("en-GB"));
            if !self.outline.is_empty() {
                cat.outlines(outline_root)
                    .page_mode(pdf_writer::types::PageMode::UseOutlines);
            }
        }
        // One bookmark per section, so a committee member can jump through the pack.
        let items: Vec<Ref> = (0..self.outline.len())
            .map(|i| Ref::new(first_outline_item + i as i32))
            .collect();
        if let (Some(first), Some(last)) = (items.first(), items.last()) {
            pdf.outline(outline_root)
                .first(*first)
                .last(*last)
                .count(items.len() as i32);
        }
        for (i, (title, page, y)) in self.outline.iter().enumerate() {
            let mut item = pdf.outline_item(items[i]);
            item.title(TextStr(title)).parent(outline_root);
            if i > 0 {
                item.prev(items[i - 1]);
            }
            if i + 1 < items.len() {
                item.next(items[i + 1]);
            }
            item.dest()
                .page(page_ids[*page])
                .xyz(0.0, PAGE_H - y + 4.0, None);
        }
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(total as i32);
        pdf.document_info(info)
            .title(TextStr(&self.doc.title))
            .author(TextStr(&self.doc.council))
            .creator(TextStr("Sightline"));
        for (id, base) in fonts.iter().zip([
            b"Helvetica".as_slice(),
            b"Helvetica-Bold",
            b"Helvetica-Oblique",
        ]) {
            pdf.type1_font(*id)
                .base_font(Name(base))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        for (i, content) in self.pages.into_iter().enumerate() {
            let page_id = page_ids[i];
            let content_id = Ref::new(page_id.get() + 1);
            let mut page = pdf.page(page_id);
            page.parent(tree)
                .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
                .contents(content_id);
            let mut resources = page.resources();
            let mut f = resources.fonts();
            f.pair(Name(b"F1"), fonts[0]);
            f.pair(Name(b"F2"), fonts[1]);
            f.pair(Name(b"F3"), fonts[2]);
            f.finish();
            resources.finish();
            page.finish();
            let raw = content.finish().into_vec();
            let compressed = deflate(&raw);
            pdf.stream(content_id, &compressed)
                .filter(Filter::FlateDecode);
        }
        pdf.finish()
    }
}

fn dash(i: usize) -> Vec<f32> {
    DASHES[i % DASHES.len()]
        .split_whitespace()
        .filter_map(|d| d.parse::<f32>().ok())
        .map(|d| d * 0.8)
        .collect()
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut e = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::new(6));
    // Writing to a Vec cannot fail.
    let _ = e.write_all(bytes);
    e.finish().unwrap_or_default()
}

/// The font a cell is set in: bold for totals and row labels (a first-column text), italic
/// for withheld cells. Measuring and drawing both use it, so wrapped lines fit.
fn cell_font(is_total: bool, column: usize, cell: &Cell) -> Font {
    if is_total || (column == 0 && matches!(cell, Cell::Text(_))) {
        Font::Bold
    } else if matches!(cell, Cell::Suppressed) {
        Font::Italic
    } else {
        Font::Regular
    }
}

/// A table's header row as laid out once and drawn on every page the table spans.
struct TableHead {
    /// Each column title's wrapped lines.
    lines: Vec<Vec<String>>,
    widths: Vec<f32>,
    height: f32,
    style: TableStyle,
}

/// Type size, leading and cell padding of a table.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TableStyle {
    size: f32,
    lead: f32,
    pad: f32,
}

/// The largest type (8pt down to 6pt) at which every column gets at least its longest word
/// and its widest figure, and the column widths at that size.
fn fit_table(table: &Table) -> (TableStyle, Vec<f32>) {
    const STYLES: [(f32, f32); 5] = [(8.0, 3.0), (7.5, 2.5), (7.0, 2.0), (6.5, 1.5), (6.0, 1.2)];
    let mut last = None;
    for (size, pad) in STYLES {
        let style = TableStyle {
            size,
            lead: size * 1.25,
            pad,
        };
        let (widths, fits) = column_widths(table, size, pad);
        if fits {
            return (style, widths);
        }
        last = Some((style, widths));
    }
    last.expect("STYLES is not empty")
}

/// Column widths: natural widths when they fit, else squeezed towards each column's longest
/// word (and proportionally below that when even those do not fit).
fn column_widths(table: &Table, size: f32, pad: f32) -> (Vec<f32>, bool) {
    let n = table.columns.len().max(1);
    let mut natural = vec![0f32; n];
    let mut minimum = vec![0f32; n];
    let longest_word = |t: &str, font: Font| {
        t.split_whitespace()
            .map(|w| text_width(w, font, size))
            .fold(0.0, f32::max)
    };
    for (c, col) in table.columns.iter().enumerate() {
        // Headings wrap readily (to two or three lines) so body text gets the room.
        minimum[c] = longest_word(&col.title, Font::Bold).min(60.0);
        natural[c] = text_width(&col.title, Font::Bold, size).min(minimum[c].max(45.0));
    }
    for row in &table.rows {
        for (c, cell) in row.cells.iter().enumerate().take(n) {
            let font = cell_font(row.is_total, c, cell);
            let (nat, min) = match cell {
                Cell::Rag(r) => {
                    let w = text_width(r.label(), Font::Bold, size) + 8.0;
                    (w, w)
                }
                Cell::Trend(d) => {
                    let w = text_width(d.label(), Font::Regular, size) + 12.0;
                    (w, w)
                }
                Cell::Sparkline(_) => (64.0, 40.0),
                Cell::Count(_) | Cell::Number { .. } | Cell::Suppressed => {
                    let w = text_width(&cell.display_text(), font, size);
                    (w, w)
                }
                other => {
                    let t = other.display_text();
                    (
                        text_width(&t, font, size),
                        longest_word(&t, font).min(120.0),
                    )
                }
            };
            natural[c] = natural[c].max(nat);
            minimum[c] = minimum[c].max(min);
        }
    }
    // +1pt so a word measured at exactly the column width still fits after rounding.
    let natural: Vec<f32> = natural.iter().map(|w| w + 2.0 * pad + 1.0).collect();
    let minimum: Vec<f32> = minimum.iter().map(|w| w + 2.0 * pad + 1.0).collect();
    let sum_nat: f32 = natural.iter().sum();
    if sum_nat <= WIDTH * 0.7 {
        // A narrow table stays narrow: numbers next to their labels.
        return (natural, true);
    }
    if sum_nat <= WIDTH {
        return (natural.iter().map(|w| w * WIDTH / sum_nat).collect(), true);
    }
    let sum_min: f32 = minimum.iter().sum();
    if sum_min >= WIDTH {
        return (minimum.iter().map(|m| m * WIDTH / sum_min).collect(), false);
    }
    let slack: f32 = natural.iter().zip(&minimum).map(|(a, b)| a - b).sum();
    let spare = WIDTH - sum_min;
    let widths = natural
        .iter()
        .zip(&minimum)
        .map(|(nat, min)| min + (nat - min) / slack.max(f32::EPSILON) * spare)
        .collect();
    (widths, true)
}

/// Renders the document as A4 PDF bytes (disclosure control applied when public).
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, String> {
    let doc = super::for_audience(doc);
    let mut w = Writer::new(&doc);
    w.title_block();
    for section in &doc.sections {
        w.section(section);
    }
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Audience, Column};

    #[test]
    fn widths_follow_the_font_metrics() {
        // "Hello": Helvetica H 722 + e 556 + l 222 + l 222 + o 556 = 2278; bold 722+556+278+278+611.
        assert!((text_width("Hello", Font::Regular, 10.0) - 22.78).abs() < 1e-3);
        assert!((text_width("Hello", Font::Bold, 10.0) - 24.45).abs() < 1e-3);
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "The number of children in care rose by 10 between June and July, \
                    mostly older children entering care";
        let lines = wrap(text, Font::Regular, 10.0, 150.0);
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, Font::Regular, 10.0) <= 150.0)
        );
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // A word longer than the line is cut.
        let long = wrap("abcdefghijklmnopqrstuvwxyz", Font::Regular, 10.0, 40.0);
        assert!(long.len() > 1);
    }

    #[test]
    fn punctuation_stays_with_bold_text_and_links() {
        let words = inline_words(&[
            Inline::Text("rose by ".into()),
            Inline::Strong("10".into()),
            Inline::Text(", see ".into()),
            Inline::Link {
                text: "guidance".into(),
                href: "#s".into(),
            },
            Inline::Text(".".into()),
        ]);
        let shown: Vec<String> = words
            .iter()
            .map(|w| w.parts.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(shown, vec!["rose", "by", "10,", "see", "guidance."]);
        assert_eq!(words[2].parts[0].font, Font::Bold);
        assert_eq!(words[2].parts[1].font, Font::Regular);
    }

    #[test]
    fn non_latin_characters_become_question_marks() {
        assert_eq!(encode("£5 – ok ✔"), b"\xa35 \x96 ok ?".to_vec());
    }

    #[test]
    fn wide_tables_are_squeezed_to_the_page() {
        let mut t = Table::new(
            "t",
            "t",
            (0..11)
                .map(|i| Column::number(format!("Column heading {i}")))
                .collect(),
        );
        t.push_row(
            (0..11)
                .map(|i| Cell::text(format!("a fairly long piece of text {i}")))
                .collect(),
        );
        let (_, w) = fit_table(&t);
        assert!((w.iter().sum::<f32>() - WIDTH).abs() < 0.5);
    }

    #[test]
    fn tables_longer_than_a_page_continue_with_their_header() {
        let mut doc = Document::new("Long", "C", "March 2026", Audience::Internal);
        let mut t = Table::new(
            "t",
            "Every child",
            vec![Column::text("Child"), Column::number("Days")],
        );
        for i in 0..200 {
            t.push_row(vec![Cell::text(format!("Child {i}")), Cell::count(i)]);
        }
        doc.push(crate::doc::Section::new("s", "S").with(Block::Table(t)));
        let mut w = Writer::new(&doc);
        w.title_block();
        w.section(&doc.sections[0]);
        assert!(w.pages.len() >= 3, "200 rows take several pages");
        let second = String::from_utf8_lossy(w.pages.remove(1).finish().as_slice()).to_string();
        assert!(
            second.contains("(Every child \\(continued\\))")
                || second.contains("(Every child (continued))")
        );
        assert!(second.contains("(Days)"), "header row repeated");
    }
}

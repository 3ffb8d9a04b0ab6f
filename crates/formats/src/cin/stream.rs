//! Streaming a CIN census file one `<Child>` at a time with quick-xml.
//!
//! Memory is bounded by one child, not the file: the reader keeps only the element stack and the
//! child being read. The `<Header>` is typed when it closes and kept for [`CinChildren::header`].

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};

use super::lenient::{
    CinChild, CinHeader, Node, Positions, child_from_node, header_from_node, intern,
};
use crate::{FormatError, Location};

/// Deeper nesting than this is not a CIN census file; refusing it keeps memory and recursion
/// bounded on hostile input.
const MAX_DEPTH: usize = 64;

/// An iterator over the children of one CIN census file, in document order.
pub struct CinChildren<R> {
    reader: Reader<R>,
    file: PathBuf,
    buf: Vec<u8>,
    /// Names of the open elements, root first.
    stack: Vec<Cow<'static, str>>,
    /// The `<Child>` or `<Header>` being read, innermost element last.
    building: Vec<Node>,
    header: Option<CinHeader>,
    positions: Positions,
    seen_root: bool,
    done: bool,
}

impl CinChildren<BufReader<File>> {
    /// Opens a file for streaming.
    pub fn open(path: &Path) -> Result<Self, FormatError> {
        let file = File::open(path).map_err(|source| FormatError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        Ok(CinChildren::from_reader(
            BufReader::with_capacity(1 << 16, file),
            path,
        ))
    }
}

impl<R: BufRead> CinChildren<R> {
    /// Streams from any buffered reader; `file` names it in errors.
    pub fn from_reader(reader: R, file: &Path) -> Self {
        let mut reader = Reader::from_reader(reader);
        reader.config_mut().check_end_names = true;
        CinChildren {
            reader,
            file: file.to_path_buf(),
            buf: Vec::with_capacity(4096),
            stack: Vec::new(),
            building: Vec::new(),
            header: None,
            positions: Positions::default(),
            seen_root: false,
            done: false,
        }
    }

    /// The file's `<Header>`, once the reader has passed it (it precedes `<Children>` in a valid
    /// file, so it is known after the first child).
    pub fn header(&self) -> Option<&CinHeader> {
        self.header.as_ref()
    }

    /// Reads up to the end of the `<Header>` (or the start of `<Children>`) and returns the
    /// header, if the file has one there.
    pub fn read_header(&mut self) -> Result<Option<&CinHeader>, FormatError> {
        while self.header.is_none() && !self.done && !self.stack.iter().any(|n| n == "Children") {
            if let Some(Err(err)) = self.step() {
                self.done = true;
                return Err(err);
            }
        }
        Ok(self.header.as_ref())
    }

    fn path(&self) -> String {
        let names: Vec<&str> = self.stack.iter().map(|n| n.as_ref()).collect();
        let mut path = names.join("/");
        if self.stack.get(2).is_some_and(|n| n == "Child") {
            let child = format!("Message/Children/Child[{}]", self.positions.child + 1);
            let rest: Vec<&str> = names.iter().skip(3).copied().collect();
            path = if rest.is_empty() {
                child
            } else {
                format!("{child}/{}", rest.join("/"))
            };
        }
        path
    }

    fn malformed(&self, message: String) -> FormatError {
        let path = self.path();
        FormatError::Malformed {
            file: self.file.clone(),
            location: if path.is_empty() {
                Location::File
            } else {
                Location::Element(path)
            },
            message,
        }
    }

    fn open_element(&mut self, name: Cow<'static, str>) -> Result<(), FormatError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.malformed(format!("elements nested deeper than {MAX_DEPTH}")));
        }
        if self.stack.is_empty() {
            if self.seen_root {
                return Err(self.malformed(format!("a second root element <{name}>")));
            }
            if name != "Message" {
                return Err(self.malformed(format!(
                    "not a CIN census file: the root element is <{name}>, expected <Message>"
                )));
            }
            self.seen_root = true;
        }
        let starts_record = match self.stack.as_slice() {
            [root] => root == "Message" && name == "Header",
            [_, children] => children == "Children" && name == "Child",
            _ => false,
        };
        if starts_record || !self.building.is_empty() {
            self.building.push(Node {
                name: name.clone(),
                ..Node::default()
            });
        }
        self.stack.push(name);
        Ok(())
    }

    /// Closes the innermost element; returns a child when one is complete.
    fn close_element(&mut self) -> Option<CinChild> {
        self.stack.pop();
        let node = self.building.pop()?;
        match self.building.last_mut() {
            Some(parent) => {
                parent.children.push(node);
                None
            }
            None if node.name == "Header" => {
                self.header = Some(header_from_node(&node));
                None
            }
            None => Some(child_from_node(&node, &mut self.positions)),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(node) = self.building.last_mut() {
            node.text.push_str(text);
        }
    }

    fn reference(&self, reference: &BytesRef<'_>) -> Result<String, FormatError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(c)) => Ok(c.to_string()),
                _ => Err(self.malformed("invalid character reference".into())),
            };
        }
        let name = reference.xml10_content();
        quick_xml::escape::resolve_predefined_entity(&name)
            .map(str::to_owned)
            .ok_or_else(|| self.malformed(format!("unknown entity &{name};")))
    }

    /// Reads one event; returns a child when one completes, an error, or `None` to go on.
    fn step(&mut self) -> Option<Result<CinChild, FormatError>> {
        // The buffer is taken out so the event borrowing it can be handled with `&mut self`.
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let outcome = match self.reader.read_event_into(&mut buf) {
            Ok(event) => self.handle(event),
            Err(err) => Some(Err(self.malformed(format!("malformed XML: {err}")))),
        };
        self.buf = buf;
        outcome
    }

    fn handle(&mut self, event: Event<'_>) -> Option<Result<CinChild, FormatError>> {
        match event {
            Event::Start(e) => {
                let name = intern(e.local_name().into_inner());
                self.open_element(name).err().map(Err)
            }
            Event::Empty(e) => {
                let name = intern(e.local_name().into_inner());
                if let Err(err) = self.open_element(name) {
                    return Some(Err(err));
                }
                self.close_element().map(Ok)
            }
            Event::End(_) => self.close_element().map(Ok),
            Event::Text(t) => {
                self.text(&t.xml10_content());
                None
            }
            Event::CData(c) => {
                self.text(&c.xml10_content());
                None
            }
            Event::GeneralRef(r) => match self.reference(&r) {
                Ok(text) => {
                    self.text(&text);
                    None
                }
                Err(err) => Some(Err(err)),
            },
            Event::Eof => {
                self.done = true;
                if !self.seen_root {
                    Some(Err(self.malformed("empty file: no XML root element".into())))
                } else if !self.stack.is_empty() {
                    Some(Err(self.malformed("the file ends inside an element".into())))
                } else {
                    None
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => None,
        }
    }
}

impl<R: BufRead> Iterator for CinChildren<R> {
    type Item = Result<CinChild, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.step() {
                None => {}
                Some(Err(err)) => {
                    self.done = true;
                    return Some(Err(err));
                }
                Some(Ok(child)) => return Some(Ok(child)),
            }
        }
        None
    }
}

/// Streams the children of a CIN census file to `f`, one at a time, and returns the header.
/// Stops at the first error, from the file or from `f`.
pub fn stream_children(
    path: &Path,
    mut f: impl FnMut(CinChild) -> Result<(), FormatError>,
) -> Result<Option<CinHeader>, FormatError> {
    let mut children = CinChildren::open(path)?;
    for child in children.by_ref() {
        f(child?)?;
    }
    Ok(children.header)
}

/// Reads only the `<Header>` of a CIN census file (`CollectionDetails` and `Source`).
pub fn read_header(path: &Path) -> Result<Option<CinHeader>, FormatError> {
    let mut children = CinChildren::open(path)?;
    Ok(children.read_header()?.cloned())
}

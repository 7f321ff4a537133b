//! The syntactic layer: a part-of-speech tagger and a dependency parser,
//! averaged perceptrons trained in Rust on the Universal Dependencies
//! English Web Treebank (see `data/README.md` for the weights' origin and
//! licence). Pure functions over words; training needs the treebank, use
//! needs only the shipped weights.

#![forbid(unsafe_code)]

pub mod conllu;
pub mod hash;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod topic;
pub mod train;
pub mod word;
pub mod words;

use parser::{Parser, Tok};
use perceptron::{Model, ModelError};
use tagger::Tagger;
use word::WordAtoms;

/// How the shipped weights were made small: weights under `PRUNE` stored
/// units are dropped (`perceptron::Model::pruned`), then `COARSEN` bits of
/// precision (`Model::coarsened`). On EWT dev together they cost under
/// 0.1 point of accuracy and shrink the files about fivefold.
pub const PRUNE: i16 = 500;
pub const COARSEN: u32 = 6;

static TAGGER: &[u8] = include_bytes!("../data/tagger.bin");
static PARSER: &[u8] = include_bytes!("../data/parser.bin");

/// A tagger and a parser that belong together (the parser was trained on
/// this tagger's kind of output).
#[derive(Debug, Clone)]
pub struct Syntax {
    pub tagger: Tagger,
    pub parser: Parser,
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub form: &'a str,
    pub xpos: &'a str,
    pub upos: &'a str,
    /// 1-based position of the head word, 0 for the root.
    pub head: usize,
    pub deprel: &'a str,
}

/// A tagged and parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis<'a> {
    pub words: Vec<Word<'a>>,
}

/// A parsed sentence over byte spans of a text: per word (0-based), its
/// span, tag class, head (1-based, 0 = root) and label id. Names come
/// from the `Syntax` that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub spans: Vec<(usize, usize)>,
    pub tags: Vec<u16>,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
}

impl Parsed {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The word (0-based) whose head word is `i`'s, if any.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.heads.get(i).and_then(|&h| h.checked_sub(1))
    }

    /// CoNLL-U lines (ID FORM _ UPOS XPOS _ HEAD DEPREL _ _), for people
    /// and golden tests.
    pub fn conllu(&self, text: &str, syn: &Syntax) -> String {
        let mut out = String::new();
        for i in 0..self.len() {
            let (s, e) = self.spans[i];
            out.push_str(&format!(
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                text.get(s..e).unwrap_or(""),
                syn.tagger.upos(self.tags[i]),
                syn.tagger.xpos(self.tags[i]),
                self.heads[i],
                syn.parser.label(self.labels[i])
            ));
        }
        out
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    #[error("tagger weights: {0}")]
    Tagger(ModelError),
    #[error("parser weights: {0}")]
    ParserModel(ModelError),
    #[error("parser weights: {0}")]
    Parser(#[from] parser::ParserError),
}

impl Syntax {
    /// Reads a tagger and a parser from their stored forms.
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Syntax, SyntaxError> {
        let t = Model::from_bytes(tagger).map_err(SyntaxError::Tagger)?;
        let p = Model::from_bytes(parser).map_err(SyntaxError::ParserModel)?;
        Ok(Syntax {
            tagger: Tagger::new(t),
            parser: Parser::new(p)?,
        })
    }

    /// The shipped models, read once (about 0.1 s) on first use.
    pub fn builtin() -> Result<&'static Syntax, &'static SyntaxError> {
        static BUILTIN: std::sync::OnceLock<Result<Syntax, SyntaxError>> =
            std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| Syntax::from_bytes(TAGGER, PARSER))
            .as_ref()
    }

    /// Tags and parses one sentence given as token spans of `text`,
    /// splitting tokens into the treebank's words first (`words::split`).
    pub fn parse_tokens(&self, text: &str, tokens: &[(usize, usize)]) -> Parsed {
        let mut spans = Vec::with_capacity(tokens.len() + 4);
        words::split(text, tokens, &mut spans);
        let atoms: Vec<WordAtoms> = spans
            .iter()
            .map(|&(s, e)| WordAtoms::of(text.get(s..e).unwrap_or("")))
            .collect();
        let (tags, tree) = self.tag_and_parse(&atoms);
        Parsed {
            spans,
            tags,
            heads: tree.heads[1..].to_vec(),
            labels: tree.labels[1..].to_vec(),
        }
    }

    /// Tags the words, then parses them with those tags.
    fn tag_and_parse(&self, atoms: &[WordAtoms]) -> (Vec<u16>, parser::Tree) {
        let tags = self.tagger.tag(atoms);
        let toks: Vec<Tok> = atoms
            .iter()
            .zip(&tags)
            .map(|(a, &t)| Tok::new(a, self.tagger.hash(t)))
            .collect();
        let tree = self.parser.parse(&toks);
        (tags, tree)
    }

    /// Tags and parses one sentence of words.
    pub fn analyse<'a>(&'a self, forms: &[&'a str]) -> Analysis<'a> {
        let atoms: Vec<WordAtoms> = forms.iter().map(|f| WordAtoms::of(f)).collect();
        let (tags, tree) = self.tag_and_parse(&atoms);
        let words = forms
            .iter()
            .enumerate()
            .map(|(i, f)| Word {
                form: f,
                xpos: self.tagger.xpos(tags[i]),
                upos: self.tagger.upos(tags[i]),
                head: tree.heads[i + 1],
                deprel: self.parser.label(tree.labels[i + 1]),
            })
            .collect();
        Analysis { words }
    }
}

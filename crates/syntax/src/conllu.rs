//! CoNLL-U treebanks (Universal Dependencies): the training and evaluation
//! format. Multiword-token ranges (`1-2`) and empty nodes (`8.1`) are
//! skipped: the parser works on syntactic words.

/// One sentence of a treebank. Index 0 of each vector is the first word;
/// heads are 1-based with 0 for the root, as in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeSentence {
    pub id: String,
    pub text: String,
    pub forms: Vec<String>,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
    /// The MISC column, for entity annotations (`Entity=` in GUM).
    pub misc: Vec<String>,
}

impl TreeSentence {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    Columns { line: usize, found: usize },
    #[error("line {line}: word id {id:?} is not the next number")]
    Id { line: usize, id: String },
    #[error("line {line}: head {head:?} is not a word of the sentence")]
    Head { line: usize, head: String },
}

/// Reads every sentence of a CoNLL-U file's text.
pub fn parse(src: &str) -> Result<Vec<TreeSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = TreeSentence::default();
    let mut start_line = 0;
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.is_empty() {
                check_heads(&cur, start_line)?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(v) = c.strip_prefix("sent_id = ") {
                cur.id = v.to_string();
            } else if let Some(v) = c.strip_prefix("text = ") {
                cur.text = v.to_string();
            }
            continue;
        }
        if cur.is_empty() {
            start_line = i + 1;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError::Columns {
                line: i + 1,
                found: cols.len(),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if cols[0].parse::<usize>().ok() != Some(cur.len() + 1) {
            return Err(ConlluError::Id {
                line: i + 1,
                id: cols[0].to_string(),
            });
        }
        let head = cols[6].parse::<usize>().map_err(|_| ConlluError::Head {
            line: i + 1,
            head: cols[6].to_string(),
        })?;
        cur.forms.push(cols[1].to_string());
        cur.upos.push(cols[3].to_string());
        cur.xpos.push(cols[4].to_string());
        cur.heads.push(head);
        cur.deprels.push(cols[7].to_string());
        cur.misc.push(cols[9].to_string());
    }
    if !cur.is_empty() {
        check_heads(&cur, start_line)?;
        out.push(cur);
    }
    Ok(out)
}

fn check_heads(s: &TreeSentence, line: usize) -> Result<(), ConlluError> {
    for (k, &h) in s.heads.iter().enumerate() {
        if h > s.len() {
            return Err(ConlluError::Head {
                line: line + k,
                head: h.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = They don't.\n1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_skips_ranges() {
        let s = parse(SAMPLE).expect("parses");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "a-1");
        assert_eq!(s[0].forms, ["They", "do", "n't", "."]);
        assert_eq!(s[0].heads, [3, 3, 0, 3]);
        assert_eq!(s[0].deprels[1], "aux");
        assert_eq!(s[0].misc[2], "SpaceAfter=No");
    }

    #[test]
    fn bad_lines_name_their_line() {
        let e = parse("1\tx\n").expect_err("short line");
        assert_eq!(
            e.to_string(),
            "line 1: expected 10 tab-separated columns, found 2"
        );
        let e = parse("2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n").expect_err("bad id");
        assert!(e.to_string().starts_with("line 1: word id"));
        let e = parse("1\tx\tx\tX\tX\t_\t5\troot\t_\t_\n").expect_err("bad head");
        assert!(e.to_string().contains("head \"5\""));
    }
}

//! English verb and noun inflection, enough to match a lemma in any tense.

/// Irregular verbs: lemma, past, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("draw", "drew", "drawn"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("do", "did", "done"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "got"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("overrun", "overran", "overrun"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("shut", "shut", "shut"),
    ("sink", "sank", "sunk"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
    ("overtake", "overtook", "overtaken"),
    ("forsake", "forsook", "forsaken"),
    ("shed", "shed", "shed"),
    ("broadcast", "broadcast", "broadcast"),
    ("forecast", "forecast", "forecast"),
    ("oversee", "oversaw", "overseen"),
    ("foresee", "foresaw", "foreseen"),
    ("mislead", "misled", "misled"),
    ("offset", "offset", "offset"),
    ("outbid", "outbid", "outbid"),
    ("shoot down", "shot down", "shot down"),
];

/// Verbs whose final consonant doubles though they have two syllables (stress on the last).
const DOUBLING: &[&str] = &[
    "admit", "commit", "omit", "permit", "submit", "transmit", "regret", "control", "patrol",
    "compel", "expel", "propel", "repel", "rebel", "occur", "prefer", "confer", "deter", "refer",
    "transfer", "equip", "kidnap", "abet", "embed", "acquit", "outfit", "extol", "annul", "befit",
    "incur", "recur",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// True for short consonant-vowel-consonant words whose last letter doubles: ban -> banned.
fn doubles(w: &str) -> bool {
    if DOUBLING.contains(&w) {
        return true;
    }
    let b = w.as_bytes();
    let n = b.len();
    if !(3..=4).contains(&n) {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let vowels_before = b[..n - 2].iter().filter(|&&c| is_vowel(c)).count();
    !is_vowel(c1)
        && is_vowel(v)
        && !is_vowel(c2)
        && !matches!(c2, b'w' | b'x' | b'y')
        && vowels_before == 0
}

/// All surface forms of a verb lemma: base, third person, past, participle, gerund.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let l = lemma.to_lowercase();
    let mut out = vec![l.clone()];
    // Third person singular.
    let s = if l.ends_with('y') && l.len() > 1 && !is_vowel(l.as_bytes()[l.len() - 2]) {
        format!("{}ies", &l[..l.len() - 1])
    } else if l.ends_with('s')
        || l.ends_with("sh")
        || l.ends_with("ch")
        || l.ends_with('x')
        || l.ends_with('z')
        || l.ends_with('o')
    {
        format!("{l}es")
    } else {
        format!("{l}s")
    };
    out.push(s);
    if let Some(&(_, past, pp)) = IRREGULAR.iter().find(|(b, _, _)| *b == l) {
        out.push(past.to_string());
        out.push(pp.to_string());
        if l == "be" {
            out.extend(["is", "are", "were", "am", "being"].map(String::from));
        }
    } else {
        let ed = if l.ends_with('e') {
            format!("{l}d")
        } else if l.ends_with('y') && l.len() > 1 && !is_vowel(l.as_bytes()[l.len() - 2]) {
            format!("{}ied", &l[..l.len() - 1])
        } else if doubles(&l) {
            format!("{l}{}ed", &l[l.len() - 1..])
        } else {
            format!("{l}ed")
        };
        out.push(ed);
    }
    let ing = if l.ends_with("ie") {
        format!("{}ying", &l[..l.len() - 2])
    } else if l.ends_with('e') && !l.ends_with("ee") && l.len() > 2 {
        format!("{}ing", &l[..l.len() - 1])
    } else if doubles(&l) {
        format!("{l}{}ing", &l[l.len() - 1..])
    } else {
        format!("{l}ing")
    };
    out.push(ing);
    // British spelling doubles a final -l after one vowel: travelled, cancelled, signalled.
    let b = l.as_bytes();
    if b.len() > 3
        && l.ends_with('l')
        && is_vowel(b[b.len() - 2])
        && !is_vowel(b[b.len() - 3])
        && !doubles(&l)
    {
        out.push(format!("{l}led"));
        out.push(format!("{l}ling"));
    }
    out.dedup();
    let mut seen = Vec::new();
    for f in out {
        if !seen.contains(&f) {
            seen.push(f);
        }
    }
    seen
}

/// Singular and plural of a noun: visit -> visits, talks stays, embargo -> embargoes.
pub fn noun_forms(noun: &str) -> Vec<String> {
    let n = noun.to_lowercase();
    let mut out = vec![n.clone()];
    let pl = if n.ends_with('y') && n.len() > 1 && !is_vowel(n.as_bytes()[n.len() - 2]) {
        format!("{}ies", &n[..n.len() - 1])
    } else if n.ends_with('s')
        || n.ends_with("sh")
        || n.ends_with("ch")
        || n.ends_with('x')
        || n.ends_with('o')
    {
        format!("{n}es")
    } else {
        format!("{n}s")
    };
    if !n.ends_with('s') || n.ends_with("ss") {
        out.push(pl);
    }
    out
}

/// Whether `form` can be a past participle: a regular -ed form or an irregular participle.
/// Whether `form` is a past tense or participle ("attacked", "shot"): clearly
/// a verb, where a bare "attack" or "raid" may be a noun and "fighting" an adjective.
pub fn is_past(form: &str) -> bool {
    form.ends_with("ed")
        || IRREGULAR
            .iter()
            .any(|(_, past, pp)| *past == form || *pp == form)
}

pub fn is_participle(form: &str) -> bool {
    form.ends_with("ed") || IRREGULAR.iter().any(|(_, _, pp)| *pp == form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let f = |l: &str| verb_forms(l).join(" ");
        assert_eq!(f("visit"), "visit visits visited visiting");
        assert_eq!(f("meet"), "meet meets met meeting");
        assert_eq!(f("strike"), "strike strikes struck striking");
        assert_eq!(
            f("withdraw"),
            "withdraw withdraws withdrew withdrawn withdrawing"
        );
        assert_eq!(f("ban"), "ban bans banned banning");
        assert_eq!(f("accuse"), "accuse accuses accused accusing");
        assert_eq!(f("deny"), "deny denies denied denying");
        assert_eq!(f("agree"), "agree agrees agreed agreeing");
        assert_eq!(f("expel"), "expel expels expelled expelling");
        assert_eq!(f("seek"), "seek seeks sought seeking");
        assert_eq!(f("discuss"), "discuss discusses discussed discussing");
        assert_eq!(f("veto"), "veto vetoes vetoed vetoing");
        assert_eq!(
            f("cancel"),
            "cancel cancels canceled canceling cancelled cancelling"
        );
        assert_eq!(noun_forms("visit").join(" "), "visit visits");
        assert_eq!(noun_forms("talks").join(" "), "talks");
        assert_eq!(noun_forms("embargo").join(" "), "embargo embargoes");
    }
}

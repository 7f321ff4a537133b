//! CAMEO actor codes: the closed lists of roles and offices, and how a code
//! splits into its country part and its roles.

/// Role codes the data README allows after the country part.
pub const ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SPY", "BUS", "MED", "REL", "CVL",
    "ELI", "EDU", "HLH", "LAB", "REF", "AGR", "ENV", "HRI", "UAF", "CRM",
];

/// Country parts that are not ISO countries.
pub const NON_STATE: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Offices a person row may hold (`people.tsv` `office`, `agents.tsv` `office`).
pub const OFFICES: &[&str] = &[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "interior_minister",
    "central_bank",
    "military_chief",
    "intelligence_chief",
    "un_ambassador",
    "igo_head",
    "opposition_leader",
    "group_leader",
    "other",
];

pub fn is_role(s: &str) -> bool {
    ROLES.contains(&s)
}

/// A code split into its parts: `ISRGOV` -> (`ISR`, [`GOV`]), `IGOUNO` ->
/// (`IGO`, [`UNO`]). `None` when the code is not a run of upper-case triples.
#[allow(clippy::manual_is_multiple_of)] // is_multiple_of needs Rust 1.87; the workspace allows 1.80
pub fn split(code: &str) -> Option<(&str, Vec<&str>)> {
    // Organisation suffixes may hold digits (`IGOG20`); the country part may not.
    let ok = code
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_uppercase() || (i >= 3 && b.is_ascii_digit()));
    if code.is_empty() || code.len() % 3 != 0 || !ok {
        return None;
    }
    let parts: Vec<&str> = (0..code.len() / 3)
        .map(|i| &code[i * 3..i * 3 + 3])
        .collect();
    Some((parts[0], parts[1..].to_vec()))
}

/// Country and primary role of a code, for `model::Actor`: the first role
/// triple that is a known role. A bare role (`ELI`, as PETRARCH writes for
/// people without a country) has no country.
#[allow(clippy::manual_is_multiple_of)] // as `split`
pub fn country_and_role(code: &str) -> (Option<String>, Option<String>) {
    // As `split`, without its vectors: this runs for every mention.
    let ok = code
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_uppercase() || (i >= 3 && b.is_ascii_digit()));
    if code.is_empty() || code.len() % 3 != 0 || !ok {
        return (None, None);
    }
    let first = &code[..3];
    if code.len() == 3 && is_role(first) {
        return (None, Some(first.to_string()));
    }
    let role = (1..code.len() / 3)
        .map(|i| &code[i * 3..i * 3 + 3])
        .find(|r| is_role(r))
        .map(str::to_string);
    (Some(first.to_string()), role)
}

/// Why `code` is not valid given the known ISO codes, or `None` when it is.
pub fn check_code(code: &str, is_country: impl Fn(&str) -> bool) -> Option<String> {
    let Some((first, rest)) = split(code) else {
        return Some(format!(
            "code `{code}` is not a run of upper-case three-letter parts"
        ));
    };
    if NON_STATE.contains(&first) {
        // IGO/NGO/IMG/MNC may carry an organisation suffix, then roles.
        return None;
    }
    if !is_country(first) {
        return Some(format!(
            "code `{code}`: country part `{first}` is not in countries.tsv nor one of IGO/NGO/IMG/MNC"
        ));
    }
    for r in rest {
        if !is_role(r) {
            return Some(format!(
                "code `{code}`: role `{r}` is not one of the README's roles ({})",
                ROLES.join(" ")
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(
            country_and_role("ISRGOV"),
            (Some("ISR".into()), Some("GOV".into()))
        );
        assert_eq!(country_and_role("IGOUNO"), (Some("IGO".into()), None));
        assert_eq!(country_and_role("AZE"), (Some("AZE".into()), None));
        assert_eq!(country_and_role("ELI"), (None, Some("ELI".into())));
        let known = |c: &str| c == "ISR";
        assert!(check_code("ISRGOV", known).is_none());
        assert!(check_code("ISRXYZ", known).is_some());
        assert!(check_code("XXXGOV", known).is_some());
        assert!(check_code("IGOUNO", known).is_none());
        assert!(check_code("isr", known).is_some());
        assert!(check_code("IGOG20", known).is_none());
    }
}

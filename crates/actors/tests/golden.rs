//! Golden tests, one per rule family, on a small invented lexicon and short
//! sentences (one sentence per line). Update with `UPDATE_EXPECT=1`.

mod common;

use actors::Recogniser;
use chrono::NaiveDate;
use expect_test::{expect, Expect};
use lexicon::Lexicon;
use model::TimeExpr;

const COUNTRIES: &str = "code\tname\taliases\tadjectives\tdemonyms
AZE\tAzerbaijan\t\tAzerbaijani\tAzerbaijanis
IRN\tIran\t\tIranian\tIranians
ISR\tIsrael\t\tIsraeli\tIsraeli|Israelis
JOR\tJordan\t\tJordanian\tJordanians
RUS\tRussia\t\tRussian\tRussians
SYR\tSyria\t\tSyrian\tSyrians
TCD\tChad\t\tChadian\tChadians
TUR\tTurkey\tTürkiye|Turkiye\tTurkish\tTurk|Turks
USA\tUnited States\tUS|U.S.|America\tAmerican|US\tAmericans
";
const SEATS: &str = "name\tcountry\tkind\tlat\tlon
Baku\tAZE\tcapital\t40.41\t49.87
Homs\tSYR\tregion\t34.73\t36.72
Tel Aviv\tISR\tcity\t32.09\t34.78
the Kremlin\tRUS\tseat\t55.75\t37.62
";
const PEOPLE: &str = "id\tname\taliases\tcode\toffice\tstart\tend
aliyev-ilham\tIlham Aliyev\tAliyev\tAZEGOV\thead_of_state\t2003-10-31\t
erdogan-recep-tayyip\tRecep Tayyip Erdoğan\tErdogan|Erdoğan|Recep Tayyip Erdogan\tTURGOV\thead_of_state\t2014-08-28\t
herzog-isaac\tIsaac Herzog\t\tISRGOV\thead_of_state\t2021-07-07\t
lapid-yair\tYair Lapid\tLapid\tISRGOV\tforeign_minister\t2021-06-13\t2022-07-01
lapid-yair\tYair Lapid\tLapid\tISRGOV\thead_of_government\t2022-07-01\t2022-12-29
lapid-yair\tYair Lapid\tLapid\tISROPP\topposition_leader\t2022-12-29\t
netanyahu-benjamin\tBenjamin Netanyahu\tNetanyahu\tISRGOV\thead_of_government\t2009-03-31\t2021-06-13
netanyahu-benjamin\tBenjamin Netanyahu\tNetanyahu\tISRGOV\thead_of_government\t2022-12-29\t
";
const ORGS: &str = "id\tname\taliases\tcode\ttype\tcountry
socar\tState Oil Company of Azerbaijan\tSOCAR\tAZEBUS\torganisation\tAZE
ynet\tYnet\t\tISRMED\torganisation\tISR
";
const AGENTS: &str = "term\tplural\trole\ttype\toffice\texample
air force\tair forces\tMIL\torganisation\t\t
army\tarmies\tMIL\torganisation\t\t
businessman\tbusinessmen\tBUS\tperson\t\t
energy company\tenergy companies\tBUS\torganisation\t\t
expert\texperts\tEDU\tperson\t\t
leader\tleaders\tGOV\tperson\t\t
leadership\t\tGOV\tgroup\t\t
media\t\tMED\torganisation\t\t
militia\tmilitias\tUAF\tgroup\t\t
official\tofficials\tGOV\tperson\t\t
president\tpresidents\tGOV\tperson\thead_of_state\t
prime minister\tprime ministers\tGOV\tperson\thead_of_government\t
rabbi\trabbis\tREL\tperson\t\t
troops\t\tMIL\tgroup\t\t
";

fn lexicon() -> Lexicon {
    common::lexicon(&[
        ("countries.tsv", COUNTRIES),
        ("seats.tsv", SEATS),
        ("people.tsv", PEOPLE),
        ("organisations.tsv", ORGS),
        ("agents.tsv", AGENTS),
    ])
}

/// One sentence per line; `times` are `(text, value)` pairs found in the text.
fn run(text: &str, date: (i32, u32, u32), times: &[(&str, &str)]) -> String {
    let rec = Recogniser::new(&lexicon());
    let sentences = common::line_sentences(text);
    let times: Vec<TimeExpr> = times
        .iter()
        .filter_map(|(t, v)| {
            let s = text.find(t)?;
            Some(TimeExpr {
                span: [s, s + t.len()],
                text: t.to_string(),
                value: v.to_string(),
                qualifier: None,
                kind: "date".into(),
                rule: "test".into(),
            })
        })
        .collect();
    let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap_or_default();
    let ms = rec.recognise_with_times(text, &sentences, &[], &times, d);
    ms.iter()
        .map(|m| {
            format!(
                "{}..{} {:?} {} {}\n",
                m.span[0], m.span[1], m.text, m.actor.code, m.rule
            )
        })
        .collect()
}

fn check(text: &str, date: (i32, u32, u32), times: &[(&str, &str)], want: Expect) {
    want.assert_eq(&run(text, date, times));
}

#[test]
fn lexicon_forms() {
    check(
        "Azerbaijan and Israel's ties grew; Azerbaijani and Israelis' views differ.
Baku, Tel Aviv and the Kremlin reacted; Kremlin aides spoke in Homs.
SOCAR and Ynet reported on Türkiye, Turkiye and TURKEY.
Tell us about the US and U.S. plans, America.
Chad and Jordan met; to chad a ballot or jordan almonds is not a country.
Erdoğan and ERDOGAN spoke.
",
        (2025, 5, 2),
        &[],
        expect![[r#"
            0..10 "Azerbaijan" AZE countries.tsv:2
            15..21 "Israel" ISR countries.tsv:4
            35..46 "Azerbaijani" AZE countries.tsv:2
            51..59 "Israelis" ISR countries.tsv:4
            75..79 "Baku" AZEGOV seats.tsv:2
            81..89 "Tel Aviv" ISRGOV seats.tsv:4
            94..105 "the Kremlin" RUSGOV seats.tsv:5
            115..122 "Kremlin" RUSGOV seats.tsv:5
            138..142 "Homs" SYR seats.tsv:3
            144..149 "SOCAR" AZEBUS organisations.tsv:2
            154..158 "Ynet" ISRMED organisations.tsv:3
            171..179 "Türkiye" TUR countries.tsv:9
            181..188 "Turkiye" TUR countries.tsv:9
            193..199 "TURKEY" TUR countries.tsv:9
            219..221 "US" USA countries.tsv:10
            226..230 "U.S." USA countries.tsv:10
            238..245 "America" USA countries.tsv:10
            247..251 "Chad" TCD countries.tsv:8
            256..262 "Jordan" JOR countries.tsv:5
            321..329 "Erdoğan" TURGOV people.tsv:3
            334..341 "ERDOGAN" TURGOV people.tsv:3
        "#]],
    );
}

#[test]
fn dated_roles() {
    check(
        "Yair Lapid met officials in September 2022.
Later, Lapid spoke again.
Former prime minister Benjamin Netanyahu visited Baku.
Isaac Herzog arrived.
",
        (2025, 5, 2),
        &[("September 2022", "2022-09")],
        expect![[r#"
            0..10 "Yair Lapid" ISRGOV people.tsv:6
            51..56 "Lapid" ISROPP people.tsv:7
            77..110 "prime minister Benjamin Netanyahu" ISRGOV former:people.tsv:8
            119..123 "Baku" AZEGOV seats.tsv:2
            125..137 "Isaac Herzog" ISRGOV people.tsv:4
        "#]],
    );
    // Before any office: elite of the first office's country; "former" at a
    // date after the office: the last office, rule `former`.
    check(
        "Yair Lapid spoke.
The former prime minister Benjamin Netanyahu spoke.
",
        (2019, 1, 1),
        &[],
        expect![[r#"
            0..10 "Yair Lapid" ISRELI elite:people.tsv:5
            29..62 "prime minister Benjamin Netanyahu" ISRGOV people.tsv:8
        "#]],
    );
    check(
        "Benjamin Netanyahu, the former prime minister, spoke.\n",
        (2022, 1, 1),
        &[],
        expect![[r#"
        0..18 "Benjamin Netanyahu" ISRELI elite:people.tsv:8
    "#]],
    );
}

#[test]
fn compositions() {
    check(
        "The Israeli Air Force struck; the Syrian army and Turkish troops moved.
Azerbaijani leaders and the Azerbaijani leadership met Israeli media.
US officials said Iran's army and the army of Syria were Iranian-backed militias.
A Syria expert and a Syrian expert disagreed.
Canadians of Syrian descent bought Israeli-built cars from Iran.
",
        (2025, 5, 2),
        &[],
        expect![[r#"
            4..21 "Israeli Air Force" ISRMIL compose:agents.tsv:2+countries.tsv:4
            34..45 "Syrian army" SYRMIL compose:agents.tsv:3+countries.tsv:7
            50..64 "Turkish troops" TURMIL compose:agents.tsv:15+countries.tsv:9
            72..91 "Azerbaijani leaders" AZEGOV compose:agents.tsv:7+countries.tsv:2
            100..122 "Azerbaijani leadership" AZEGOV compose:agents.tsv:8+countries.tsv:2
            127..140 "Israeli media" ISRMED compose:agents.tsv:9+countries.tsv:4
            142..154 "US officials" USAGOV compose:agents.tsv:11+countries.tsv:10
            160..171 "Iran's army" IRNMIL compose:agents.tsv:3+countries.tsv:3
            180..193 "army of Syria" SYRMIL compose:agents.tsv:3+countries.tsv:7
            199..222 "Iranian-backed militias" IRNUAF compose:backed:agents.tsv:10+countries.tsv:3
            226..231 "Syria" SYR countries.tsv:7
            245..258 "Syrian expert" SYREDU compose:agents.tsv:6+countries.tsv:7
            329..333 "Iran" IRN countries.tsv:3
        "#]],
    );
}

#[test]
fn titles_and_offices() {
    check(
        "Turkish President Recep Tayyip Erdogan met the President of Azerbaijan.
The Israeli prime minister and the Azerbaijani president spoke.
The former Israeli prime minister and the Syrian president stayed away.
Prime Minister Yair Lapid met Erdogan in September 2022.
",
        (2025, 5, 2),
        &[("September 2022", "2022-09")],
        expect![[r#"
            0..38 "Turkish President Recep Tayyip Erdogan" TURGOV people.tsv:3
            47..70 "President of Azerbaijan" AZEGOV coref:office
            76..98 "Israeli prime minister" ISRGOV coref:office
            107..128 "Azerbaijani president" AZEGOV coref:office
            147..169 "Israeli prime minister" ISRGOV compose:agents.tsv:13+countries.tsv:4
            178..194 "Syrian president" SYRGOV compose:agents.tsv:12+countries.tsv:7
            208..233 "Prime Minister Yair Lapid" ISRGOV people.tsv:6
            238..245 "Erdogan" TURGOV people.tsv:3
        "#]],
    );
}

#[test]
fn discovery() {
    check(
        "Israeli businessman Dan Rosen bought a stake.
Syria's new president Omar Haddad spoke to Rabbi Eli Stern of the US.
Karim Nasser, the president of Syria, and Avi Cohen, an Israeli businessman, met.
Blue Sea Gas (controlled by Israeli businessman Dan Rosen) sold it to Golden Fields, the US energy company.
Rosen and Haddad left; Stern stayed.
",
        (2025, 5, 2),
        &[],
        expect![[r#"
            0..29 "Israeli businessman Dan Rosen" ISRBUS discover:apposition-title
            46..79 "Syria's new president Omar Haddad" SYRGOV discover:apposition-title
            89..104 "Rabbi Eli Stern" USAREL discover:apposition-title
            112..114 "US" USA countries.tsv:10
            116..128 "Karim Nasser" SYRGOV discover:apposition
            134..152 "president of Syria" SYRGOV compose:agents.tsv:12+countries.tsv:7
            158..167 "Avi Cohen" ISRBUS discover:apposition
            172..191 "Israeli businessman" ISRBUS compose:agents.tsv:4+countries.tsv:4
            198..210 "Blue Sea Gas" ISRBUS discover:owner
            226..255 "Israeli businessman Dan Rosen" ISRBUS discover:apposition-title
            268..281 "Golden Fields" USABUS discover:apposition-org
            287..304 "US energy company" USABUS compose:agents.tsv:5+countries.tsv:10
            306..311 "Rosen" ISRBUS coref:surname
            316..322 "Haddad" SYRGOV coref:surname
            329..334 "Stern" USAREL coref:surname
        "#]],
    );
}

#[test]
fn coreference() {
    check(
        "Isaac Herzog visited Baku.
Herzog said he was pleased.
Later, his aides met Yair Lapid.
He left.
Benjamin Netanyahu and Herzog met; he spoke.
",
        (2025, 5, 2),
        &[],
        expect![[r#"
            0..12 "Isaac Herzog" ISRGOV people.tsv:4
            21..25 "Baku" AZEGOV seats.tsv:2
            27..33 "Herzog" ISRGOV coref:surname
            39..41 "he" ISRGOV coref:pronoun
            62..65 "his" ISRGOV coref:pronoun
            76..86 "Yair Lapid" ISROPP people.tsv:7
            88..90 "He" ISROPP coref:pronoun
            97..115 "Benjamin Netanyahu" ISRGOV people.tsv:9
            120..126 "Herzog" ISRGOV coref:surname
        "#]],
    );
}

//! Golden tests for the rules beyond the lexicon: gazetteer places, actors
//! located by a place, and unknown names (given name, title, organisation
//! suffix), on a small invented lexicon. Update with `UPDATE_EXPECT=1`.

mod common;

use actors::Recogniser;
use chrono::NaiveDate;
use expect_test::{expect, Expect};
use lexicon::Lexicon;

const COUNTRIES: &str = "code\tname\taliases\tadjectives\tdemonyms
ISR\tIsrael\t\tIsraeli\tIsraelis
KEN\tKenya\t\tKenyan\tKenyans
NGA\tNigeria\t\tNigerian\tNigerians
PRT\tPortugal\t\tPortuguese\t
SYR\tSyria\t\tSyrian\tSyrians
USA\tUnited States\tUS\tAmerican\tAmericans
YEM\tYemen\t\tYemeni\tYemenis
";
const SEATS: &str = "name\tcountry\tkind\tlat\tlon
Nairobi\tKEN\tcapital\t-1.29\t36.82
";
const PEOPLE: &str = "id\tname\taliases\tcode\toffice\tstart\tend\n";
const ORGS: &str = "id\tname\taliases\tcode\ttype\tcountry\n";
const AGENTS: &str = "term\tplural\trole\ttype\toffice\texample
gunman\tgunmen\tUAF\tperson\t\t
police\t\tCOP\torganisation\t\t
president\tpresidents\tGOV\tperson\thead_of_state\t
protester\tprotesters\tCVL\tperson\t\t
resident\tresidents\tCVL\tperson\t\t
spokesman\tspokesmen\tGOV\tperson\t\t
";
const PLACES: &str = "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation
Haifa\tHefa\tcity\t\tISR\t32.81\t35.00\t285316
Florence\tFirenze\tcity\t\tITA\t43.77\t11.25\t349296
Jackson\t\tcity\t\tUSA\t32.30\t-90.18\t170000
Manchester\t\tcity\t\tGBR\t53.48\t-2.24\t395515
Lagos\tEko\tcity\t\tNGA\t6.45\t3.39\t15388000
Lagos\t\tcity\t\tPRT\t37.10\t-8.67\t33494
Sanaa\tSana'a\tcity\t\tYEM\t15.35\t44.21\t1937451
Idlib\t\tregion\tProvince\tSYR\t35.87\t36.61\t435557
Reading\t\tcity\t\tGBR\t51.46\t-0.97\t244070
";
const GIVEN: &str = "name\tsex\tsource
Ali\tm\tentente
Florence\tf\tcensus
Hillary\tf\tcensus
Maria\tf\tcensus
Paul\tm\tcensus
";

fn lexicon() -> Lexicon {
    common::lexicon(&[
        ("countries.tsv", COUNTRIES),
        ("seats.tsv", SEATS),
        ("people.tsv", PEOPLE),
        ("organisations.tsv", ORGS),
        ("agents.tsv", AGENTS),
        ("places.tsv", PLACES),
        ("given_names.tsv", GIVEN),
    ])
}

/// One sentence per line.
fn check(text: &str, want: Expect) {
    let rec = Recogniser::new(&lexicon());
    let sentences = common::line_sentences(text);
    let d = NaiveDate::from_ymd_opt(2020, 5, 2).unwrap_or_default();
    let ms = rec.recognise(text, &sentences, &[], d);
    let got: String = ms
        .iter()
        .map(|m| {
            format!(
                "{}..{} {:?} {:?} {:?} {:?} {}\n",
                m.span[0],
                m.span[1],
                m.text,
                m.actor.code,
                m.actor.country.as_deref().unwrap_or("-"),
                m.actor.role.as_deref().unwrap_or("-"),
                m.rule
            )
        })
        .collect();
    want.assert_eq(&got);
}

#[test]
fn places() {
    check(
        "Medical interns marched in Haifa on Sunday.
Lagos was calm; in Portugal, Lagos beach was busy.
Floods hit Idlib and Hefa.
Reading is fun; Florence Nightingale and Mr Jackson spoke.
",
        expect![[r#"
            27..32 "Haifa" "ISR" "ISR" "-" places.tsv:2
            44..49 "Lagos" "PRT" "PRT" "-" places.tsv:7
            63..71 "Portugal" "PRT" "PRT" "-" countries.tsv:5
            73..78 "Lagos" "PRT" "PRT" "-" places.tsv:7
            106..111 "Idlib" "SYR" "SYR" "-" places.tsv:9
            116..120 "Hefa" "ISR" "ISR" "-" places.tsv:2
            138..158 "Florence Nightingale" "" "-" "-" discover:name-given
            166..173 "Jackson" "" "-" "-" discover:name-title
        "#]],
    );
}

#[test]
fn located_actors() {
    check(
        "Protesters in Haifa blocked a road.
Police in Lagos arrested two men.
Gunmen in Sanaa opened fire.
Residents of Idlib fled.
Haifa residents and Lagos police met protesters in Bat Galim Square of Haifa city.
Protesters from Syria marched; the president in Haifa spoke.
",
        expect![[r#"
            0..19 "Protesters in Haifa" "ISRCVL" "ISR" "CVL" compose:located:agents.tsv:5+places.tsv:2
            36..51 "Police in Lagos" "NGACOP" "NGA" "COP" compose:located:agents.tsv:3+places.tsv:6
            70..85 "Gunmen in Sanaa" "YEMUAF" "YEM" "UAF" compose:located:agents.tsv:2+places.tsv:8
            99..117 "Residents of Idlib" "SYRCVL" "SYR" "CVL" compose:located:agents.tsv:6+places.tsv:9
            124..139 "Haifa residents" "ISRCVL" "ISR" "CVL" compose:located:agents.tsv:6+places.tsv:2
            144..156 "Lagos police" "NGACOP" "NGA" "COP" compose:located:agents.tsv:3+places.tsv:6
            161..200 "protesters in Bat Galim Square of Haifa" "ISRCVL" "ISR" "CVL" compose:located:agents.tsv:5+places.tsv:2
            207..228 "Protesters from Syria" "SYRCVL" "SYR" "CVL" compose:located:agents.tsv:5+countries.tsv:6
            255..260 "Haifa" "ISR" "ISR" "-" places.tsv:2
        "#]],
    );
}

#[test]
fn unknown_names() {
    check(
        "Paul Tergat won the race in Nairobi.
Kenyan runner Paul Tergat won; Maria Mutola ( Kenya ) was second.
Coach Jackson praised striker Ali Daei and Mr. Smith.
The Kenyan Athletics Federation and the Ministry of Sports met Acme Holdings Inc.
Hillary Clinton met Paul in Reading.
Tergat said the Nigerian Football Association agreed.
Maria Lopes, a Portuguese runner, and Hillary Smith, Nigeria's envoy, met S. Waugh and Paul van der Berg.
Economist Paul Jones of Acme Bank Ltd and Johnson Controls Inc and Lear Corp reported.
Wang Donghai met Kim Dae-jung; Park Avenue was closed.
",
        expect![[r#"
            0..11 "Paul Tergat" "" "-" "-" discover:name-given
            28..35 "Nairobi" "KENGOV" "KEN" "GOV" seats.tsv:2
            37..43 "Kenyan" "KEN" "KEN" "-" countries.tsv:3
            51..62 "Paul Tergat" "KEN" "KEN" "-" discover:name-given
            68..80 "Maria Mutola" "KEN" "KEN" "-" discover:name-given
            83..88 "Kenya" "KEN" "KEN" "-" countries.tsv:3
            109..116 "Jackson" "" "-" "-" discover:name-title
            133..141 "Ali Daei" "" "-" "-" discover:name-title
            150..155 "Smith" "" "-" "-" discover:name-title
            161..188 "Kenyan Athletics Federation" "KEN" "KEN" "-" discover:name-org
            197..215 "Ministry of Sports" "" "-" "GOV" discover:name-org
            220..237 "Acme Holdings Inc" "" "-" "BUS" discover:name-org
            239..254 "Hillary Clinton" "" "-" "-" discover:name-given
            276..282 "Tergat" "" "-" "-" coref:surname
            292..321 "Nigerian Football Association" "NGA" "NGA" "-" discover:name-org
            330..341 "Maria Lopes" "PRT" "PRT" "-" discover:name-given
            345..355 "Portuguese" "PRT" "PRT" "-" countries.tsv:5
            368..381 "Hillary Smith" "NGA" "NGA" "-" discover:name-given
            383..390 "Nigeria" "NGA" "NGA" "-" countries.tsv:4
            404..412 "S. Waugh" "" "-" "-" discover:name-initial
            417..434 "Paul van der Berg" "" "-" "-" discover:name-given
            446..456 "Paul Jones" "" "-" "-" discover:name-given
            460..473 "Acme Bank Ltd" "" "-" "BUS" discover:name-org
            478..498 "Johnson Controls Inc" "" "-" "BUS" discover:name-org
            503..512 "Lear Corp" "" "-" "BUS" discover:name-org
            523..535 "Wang Donghai" "" "-" "-" discover:name-surname-first
            540..552 "Kim Dae-jung" "" "-" "-" discover:name-surname-first
        "#]],
    );
}

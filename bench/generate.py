"""Generate a corpus of fictional SQS reports in the markdown export format.

    python -m bench.generate OUT_DIR [--count 1000] [--seed 1]

Every report is marked as fictional; areas, people and findings are combined at random from
the phrase lists below, so gaps, agencies and people recur across the corpus as they do in
real reports.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

AREAS = [f"{a}{b}" for a in ("North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "Kings", "Queens")
         for b in ("moor", "field", "bury", "ford", "ham", "wick", "ton", "vale", "dale", "combe")]
FIRST = ["Priya", "Tom", "Helena", "Owen", "Ruth", "Sarah", "Mark", "Imran", "Fiona", "Lewis", "Grace", "Daniel",
         "Anjali", "Kwame", "Nadia", "Paul", "Louise", "Peter", "Rebecca", "Olu", "Janet", "Graham", "Ada", "Ben"]
LAST = ["Raman", "Okafor", "Brook", "Castell", "Adeyemi", "Lindqvist", "Tennant", "Qureshi", "Garside", "Harper",
        "Whitfield", "Osei", "Deshmukh", "Asante", "Ferreira", "Whitcombe", "Amani", "Gaunt", "Lyle", "Bankole"]
ROLES = ["YOS Manager", "Director of Children's Services", "Lead Elected Member for Children's Services",
         "Police and Crime Commissioner for {area}", "Chair of Local Safeguarding Children Board",
         "Chair of Youth Court Bench", "YJB Business Area Manager", "Ofsted – Social Care", "Care Quality Commission",
         "YJB link staff", "Chief Executive"]
THEMES = ["Reducing reoffending", "Protecting the public", "Protecting the child or young person",
          "Ensuring that the sentence is served"]
GOOD = [
    "Case managers built strong relationships with children and their families.",
    "Assessments were thorough and drew on information from schools and health services.",
    "Plans were clear and children contributed to them.",
    "Case managers and social workers worked well together, and information was shared promptly.",
    "Compliance was good and enforcement was timely and fair.",
    "Links with colleges and training providers were effective.",
]
BAD = [
    "Communication with children's social care was not always good enough, and social workers did not attend reviews.",
    "Children waited too long for CAMHS assessments, and mental health needs were not addressed.",
    "The police did not share information about exploitation in good time.",
    "Plans for children in custody did not address resettlement needs early enough.",
    "Too many children were not in education, training or employment.",
    "Children leaving custody did not have suitable accommodation arranged.",
    "Substance misuse needs were identified but children did not receive help from the substance misuse service.",
    "The management board did not ensure that partner agencies supported the YOS strategically.",
    "Assessments of risk of harm were too often brief and lacked analysis.",
]
IMPROVE = [
    "Communication with children's social care at case level needs to be more consistent.",
    "The management board should secure timely access to CAMHS.",
    "Joint working with the police on exploitation needs to be faster.",
    "Resettlement planning should start early and involve the secure estate.",
    "Suitable accommodation must be arranged before children leave custody.",
    "Assessment of risk of harm needs to be strengthened.",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def report(index: int, rng: random.Random) -> tuple[str, str]:
    area = f"{rng.choice(AREAS)} {index}"
    issued = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 6))
    start = issued - dt.timedelta(days=rng.randrange(30, 70))
    end = start + dt.timedelta(days=2)
    rate = rng.uniform(25, 50)
    average = rng.uniform(35, 42)
    lines = [
        f"<i>To:</i>\t{_name(rng)}, Chair of {area} Youth Offending Service Management Board",
        "<i>Copy to:</i>\tSee copy list at end",
        f"<i>From:</i>\t{_name(rng)}, Assistant Chief Inspector (Youth Justice)",
        f"<i>Publication date:</i>\t{issued.day} {issued:%B %Y}",
        "",
        f"## Report of Short Quality Screening (SQS) of youth offending work in {area}",
        "",
        f"The inspection was conducted from {start.day} {start:%B %Y}-{end.day} {end:%B %Y} as part of our "
        "programme of inspection of youth offending work. This report is published on the HMI Probation website.",
        "",
        "### Context",
        "",
        f"FICTIONAL EXAMPLE generated for the yjkg benchmark. We examined {rng.randrange(10, 30)} cases of children "
        f"and young people who were supervised by {area} Youth Offending Service (YOS).",
        "",
        "### Summary",
        "",
        f"The published reoffending rate<sup>1</sup> for {area} was {rate:.1f}%. This compared with the England "
        f"and Wales average of {average:.1f}%.",
        "",
        " ".join(rng.sample(GOOD, 2) + rng.sample(BAD, 2)),
        "",
        "<sup>1</sup> The reoffending rate was published January 2016, and was based on binary reoffending rates "
        "after 12 months for the April 2013 – March 2014 cohort. Source: Ministry of Justice",
        "",
        f"## **Commentary on the inspection in {area}:**",
        "",
    ]
    for number, theme in enumerate(THEMES, start=1):
        lines += [f"### **{number}. {theme}**", ""]
        for paragraph in range(1, rng.randrange(3, 6)):
            sentences = rng.sample(GOOD, rng.randrange(1, 3)) + rng.sample(BAD, rng.randrange(0, 2))
            lines.append(f"- {number}.{paragraph}. " + " ".join(sentences))
        lines.append("")
    lines += ["## **Operational management**", "", " ".join(rng.sample(GOOD, 2) + rng.sample(BAD, 1)), "",
              "## **Key strengths**", ""]
    lines += [f"- {s}" for s in rng.sample(GOOD, 3)]
    lines += ["", "## **Areas requiring improvement**", ""]
    lines += [f"- {s}" for s in rng.sample(IMPROVE, 3)]
    lines += ["", f"If you have any further questions please contact the lead inspector, who was {_name(rng)}.", "",
              "Copy to:\t"]
    for role in ROLES:
        holders = ", ".join(_name(rng) for _ in range(rng.randrange(1, 4) if "staff" in role else 1))
        lines.append(f"{role.format(area=area)}\t<i>{holders}</i>")
    return f"bench-{index:05d}.md", "\n".join(lines) + "\n"


def generate(out: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = report(index, rng)
        path = out / name
        path.write_text(text)
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.out, args.count, args.seed))} reports to {args.out}")

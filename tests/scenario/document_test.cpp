// Loading scenario documents: parse errors, extends chains, --set overrides
// and the hash that identifies what was run.
#include "scenario/document.hpp"

#include <gtest/gtest.h>

#include "scenario/access.hpp"
#include "scenario_files.hpp"

namespace score::scenario {
namespace {

using testing::ScenarioFiles;

// The only diagnostic of the ScenarioError that loading throws.
Diagnostic load_error(const std::filesystem::path& file, const std::vector<std::string>& overrides = {}) {
  try {
    load_document(file, overrides);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u);
    return e.diagnostics().at(0);
  }
  ADD_FAILURE() << "no ScenarioError for " << file;
  return {};
}

std::string source_file(const toml::node* node) {
  return node && node->source().path ? *node->source().path : "<none>";
}

class scenario_document : public ScenarioFiles {};

TEST_F(scenario_document, diagnostic_format_leaves_out_what_is_unknown) {
  EXPECT_EQ((Diagnostic{"a.toml", 3, 7, "behaviour.enrol_rate", "bad"}).format(),
            "a.toml:3:7: behaviour.enrol_rate: bad");
  EXPECT_EQ((Diagnostic{"a.toml", 0, 0, "", "cannot read"}).format(), "a.toml: cannot read");
  EXPECT_EQ((Diagnostic{"", 0, 0, "x.y", "bad"}).format(), "x.y: bad");
  const ScenarioError error({{"a.toml", 1, 2, "k", "one"}, {"b.toml", 3, 4, "", "two"}});
  EXPECT_STREQ(error.what(), "a.toml:1:2: k: one\nb.toml:3:4: two");
}

TEST_F(scenario_document, plain_and_provenance_numbers) {
  const auto file = write("s.toml", R"([behaviour]
enrol_rate = 0.05
adoption_probability = { value = 0.78, range = [0.75, 0.80], source = "Phase I results", note = "n" }
)");
  const Document doc = load_document(file);
  const Reader r(doc);
  EXPECT_DOUBLE_EQ(r.number("behaviour.enrol_rate"), 0.05);
  EXPECT_DOUBLE_EQ(r.number("behaviour.adoption_probability"), 0.78);
  EXPECT_EQ(doc.chain, std::vector<std::filesystem::path>{file.lexically_normal()});
  EXPECT_EQ(doc.file, file);
}

TEST_F(scenario_document, parse_error_names_file_and_position) {
  const auto file = write("bad.toml", "[scenario]\nname = \n");
  const Diagnostic d = load_error(file);
  EXPECT_EQ(d.file, file.lexically_normal().string());
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 8);
  EXPECT_NE(d.message.find("expected value"), std::string::npos) << d.message;
}

TEST_F(scenario_document, missing_file_is_named) {
  const Diagnostic d = load_error(dir / "nope.toml");
  EXPECT_EQ(d.format(), (dir / "nope.toml").string() + ": cannot read scenario: no such file");
  EXPECT_EQ(load_error(dir).message, "cannot read scenario: is a directory");
}

TEST_F(scenario_document, devices_and_oversized_files_are_not_read) {
  EXPECT_EQ(load_error("/dev/zero").message, "cannot read scenario: is not a regular file");
  const auto big = dir / "big.toml";
  std::filesystem::resize_file(write("big.toml", "# padding\n"), kMaxInputBytes + 1);
  EXPECT_EQ(load_error(big).message, "cannot read scenario: is larger than 4 MiB");
}

TEST_F(scenario_document, extends_merges_deeply_with_paths_relative_to_the_extending_file) {
  write("common/base.toml", R"([scenario]
name = "base"
description = "from base"
[behaviour]
enrol_rate = 0.05
peer_weight = 0.5
[phases.I]
countries = ["CHN", "VNM"]
strategy = "direct"
)");
  const auto child = write("scen/child.toml", R"(extends = "../common/base.toml"
[scenario]
name = "child"
[behaviour]
enrol_rate = 0.1
[phases.I]
countries = ["VNM"]
)");
  const Document doc = load_document(child);
  const std::string base = (dir / "common/base.toml").lexically_normal().string();
  ASSERT_EQ(doc.chain.size(), 2u);
  EXPECT_EQ(doc.chain[1].string(), base);
  EXPECT_FALSE(doc.root.contains("extends"));
  const Reader r(doc);
  EXPECT_EQ(r.string("scenario.name"), "child");
  EXPECT_EQ(r.string("scenario.description"), "from base");
  EXPECT_DOUBLE_EQ(r.number("behaviour.enrol_rate"), 0.1);
  EXPECT_DOUBLE_EQ(r.number("behaviour.peer_weight"), 0.5);
  EXPECT_EQ(r.strings("phases.I.countries"), std::vector<std::string>{"VNM"});  // arrays replaced whole
  EXPECT_EQ(r.string("phases.I.strategy"), "direct");
  // Each value still points at the file it came from.
  EXPECT_EQ(source_file(find_node(doc.root, "scenario.description")), base);
  EXPECT_EQ(source_file(find_node(doc.root, "scenario.name")), (dir / "scen/child.toml").string());
  EXPECT_EQ(find_node(doc.root, "behaviour.peer_weight")->source().begin.line, 6u);
  EXPECT_TRUE(r.ok());
}

TEST_F(scenario_document, provenance_table_replaces_the_base_value_whole) {
  write("base.toml",
        "[behaviour]\nenrol_rate = { value = 0.05, range = [0.01, 0.1], source = \"survey\" }\n");
  const auto child =
      write("child.toml", "extends = \"base.toml\"\n[behaviour]\nenrol_rate = { value = 0.2 }\n");
  const Document doc = load_document(child);
  const auto p = Reader(doc).provenance("behaviour.enrol_rate");
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->value, 0.2);
  EXPECT_FALSE(p->range);
  EXPECT_EQ(p->source, "");
}

TEST_F(scenario_document, extends_cycle_is_refused) {
  write("a.toml", "extends = \"b.toml\"\n");
  write("b.toml", "extends = \"a.toml\"\n");
  const Diagnostic d = load_error(dir / "a.toml");
  const std::string a = (dir / "a.toml").string(), b = (dir / "b.toml").string();
  EXPECT_EQ(d.format(), at("b.toml", 1, 11) + ": extends: extends cycle: " + a + " -> " + b + " -> " + a);
  write("self.toml", "extends = \"./self.toml\"\n");
  EXPECT_EQ(load_error(dir / "self.toml").message,
            "extends cycle: " + (dir / "self.toml").string() + " -> " + (dir / "self.toml").string());
}

TEST_F(scenario_document, extends_chain_is_limited_to_16_files) {
  for (int i = 0; i < 17; ++i) {
    const std::string name = std::string("f").append(std::to_string(i)).append(".toml");
    const std::string next = std::string("f").append(std::to_string(i + 1)).append(".toml");
    write(name, i < 16 ? std::string("extends = \"").append(next).append("\"\n") : std::string("x = 1\n"));
  }
  const Diagnostic d = load_error(dir / "f0.toml");
  EXPECT_EQ(d.format(), at("f15.toml", 1, 11) + ": extends: extends chain longer than 16 files");
  const Document doc = load_document(dir / "f1.toml");  // 16 files: fine
  EXPECT_EQ(doc.chain.size(), 16u);
  EXPECT_EQ(doc.root["x"].value<int>(), 1);
}

TEST_F(scenario_document, missing_or_malformed_base_is_reported_at_the_extends_key) {
  const auto child = write("child.toml", "# c\nextends = \"nope.toml\"\n");
  EXPECT_EQ(load_error(child).format(), at("child.toml", 2, 11) + ": extends: cannot read '" +
                                            (dir / "nope.toml").string() + "': no such file");
  write("number.toml", "extends = 3\n");
  EXPECT_EQ(load_error(dir / "number.toml").format(),
            at("number.toml", 1, 11) + ": extends: expected the path of a scenario file (a string)");
  write("broken.toml", "x = [\n");
  write("uses_broken.toml", "extends = \"broken.toml\"\n");
  EXPECT_EQ(load_error(dir / "uses_broken.toml").file, (dir / "broken.toml").string());
}

TEST_F(scenario_document, overrides_set_values_of_every_kind) {
  const auto file = write("s.toml", R"([scenario]
name = "file"
[behaviour]
enrol_rate = { value = 0.05, range = [0.01, 0.1] }
)");
  const Document doc =
      load_document(file, {"behaviour.enrol_rate=0.1", "scenario.name = Pilot run",
                           "scenario.description=\"quoted # text\"", "calendar.start=2013-09",
                           "phases.III.country.CHN.fee_share=0.5", "phases.III.countries=[\"CHN\"]",
                           "run.seed=7", "behaviour.peer_weight={ value = 0.4, source = \"s\" }"});
  const Reader r(doc);
  EXPECT_DOUBLE_EQ(r.number("behaviour.enrol_rate"), 0.1);
  EXPECT_TRUE(find_node(doc.root, "behaviour.enrol_rate")->is_floating_point());  // the table is gone
  EXPECT_EQ(r.string("scenario.name"), "Pilot run");
  EXPECT_EQ(r.string("scenario.description"), "quoted # text");
  EXPECT_EQ(r.month("calendar.start"), (YearMonth{2013, 9}));
  EXPECT_DOUBLE_EQ(r.number("phases.III.country.CHN.fee_share"), 0.5);
  EXPECT_EQ(r.strings("phases.III.countries"), std::vector<std::string>{"CHN"});
  EXPECT_EQ(r.integer("run.seed"), 7);
  EXPECT_EQ(r.provenance("behaviour.peer_weight")->source, "s");
  EXPECT_TRUE(r.ok());
  const toml::node* seed = find_node(doc.root, "run.seed");
  EXPECT_EQ(source_file(seed), "--set run.seed=7");  // each override is named by its text
  EXPECT_EQ(seed->source().begin.column, 10u);
}

TEST_F(scenario_document, bad_overrides_are_refused_with_their_text) {
  const auto file = write("s.toml", "[behaviour]\nenrol_rate = 0.05\n");
  EXPECT_EQ(load_error(file, {"run.seed=1", "behaviour.enrol_rate"}).format(),
            "--set behaviour.enrol_rate: invalid override: expected KEY=VALUE");
  EXPECT_EQ(
      load_error(file, {"=3"}).format(),
      "--set =3: invalid override: expected KEY=VALUE with KEY a dotted key such as behaviour.enrol_rate");
  EXPECT_EQ(load_error(file, {"a b=3"}).file, "--set a b=3");
  EXPECT_EQ(load_error(file, {"a..b=3"}).file, "--set a..b=3");
  EXPECT_EQ(load_error(file, {"behaviour.enrol_rate=  "}).message,
            "invalid override: missing value after '='");
  EXPECT_EQ(load_error(file, {"extends=other.toml"}).message,
            "invalid override: extends cannot be overridden; write a scenario file that extends the other");
  EXPECT_EQ(load_error(file, {"behaviour.enrol_rate.value=0.1"}).message,
            "invalid override: 'behaviour.enrol_rate' is not a table");
  // Too long or on several lines to name itself: named by its place, quoted in the message.
  const std::string long_name(70, 'x');
  EXPECT_EQ(load_error(file, {"run.seed=1", long_name}).format(),
            "--set #2: invalid override \"" + std::string(60, 'x') + "...\": expected KEY=VALUE");
  EXPECT_EQ(load_error(file, {"a=1\nb=2"}).format(),
            "--set #1: invalid override \"a=1\\nb=2\": must be one line");
}

TEST_F(scenario_document, sha256_covers_the_whole_chain_and_the_overrides) {
  const auto lone = write("lone.toml", "a = 1\n");
  EXPECT_EQ(load_document(lone).sha256, "cb78bd8a17f7b751fe0d4663366dcbc257204033ef7ddd64b1f2969573b5b2e2");
  EXPECT_EQ(load_document(lone, {"b=2"}).sha256,
            "5cfb7662f87e226d3183684794d1701a133d4770996ddba3b9a9760488aded02");

  write("base.toml", "[behaviour]\nenrol_rate = 0.05\n");
  const auto child = write("child.toml", "extends = \"base.toml\"\n");
  const std::string before = load_document(child).sha256;
  EXPECT_EQ(load_document(child).sha256, before);
  write("base.toml", "[behaviour]\nenrol_rate = 0.06\n");
  EXPECT_NE(load_document(child).sha256, before);
}

TEST_F(scenario_document, moving_a_document_keeps_positions) {
  const auto file = write("s.toml", "[behaviour]\n\nenrol_rate = 0.05\n");
  Document doc = load_document(file);
  const Document moved = std::move(doc);
  const toml::node* node = find_node(moved.root, "behaviour.enrol_rate");
  ASSERT_TRUE(node);
  EXPECT_EQ(node->source().begin.line, 3u);
  EXPECT_EQ(source_file(node), file.string());
}

// Every key of a table and the tables under it, "a.b.c", in file order, with
// the line of the key and of its value (0 where the value has none).
std::vector<std::string> keys_in_file_order(const Document& doc, const toml::table& table,
                                            const std::string& prefix = "") {
  std::vector<std::string> out;
  for (const auto& [key, node] : entries_in_file_order(doc, table)) {
    const std::string path = prefix + std::string(key->str());
    out.push_back(path + " key line " + std::to_string(key->source().begin.line) + " value line " +
                  std::to_string(node->source().begin.line));
    if (const toml::table* t = node->as_table()) {
      const auto below = keys_in_file_order(doc, *t, path + ".");
      out.insert(out.end(), below.begin(), below.end());
    }
  }
  return out;
}

// Drops the value lines that a `keys` document does not have.
std::vector<std::string> keys_only(std::vector<std::string> lines) {
  for (std::string& line : lines) line = line.substr(0, line.find(" value line"));
  return lines;
}

class parsed_chain : public ScenarioFiles {
 protected:
  std::filesystem::path child;
  const std::vector<std::string> overrides{"behaviour.enrol_rate=0.3", "phases.II.fee_share=0.5"};

  void SetUp() override {
    ScenarioFiles::SetUp();
    write("common/base.toml", R"(# base
[scenario]
name = "base"
[behaviour]
peer_weight = 0.5
enrol_rate = 0.05
[phases.I]
countries = ["CHN", "VNM"]
strategy = "direct"
)");
    child = write("scen/child.toml", R"(extends = "../common/base.toml"
[phases.I]
countries = ["VNM"]
[scenario]
name = "child"
)");
  }
};

TEST_F(parsed_chain, makes_the_documents_that_loading_makes) {
  const Document loaded = load_document(child, overrides);
  const ParsedChain chain(child);
  for (const auto positions : {ParsedChain::Positions::keys, ParsedChain::Positions::all}) {
    SCOPED_TRACE(positions == ParsedChain::Positions::keys ? "keys" : "all");
    const Document made = chain.document(overrides, positions);
    EXPECT_EQ(made.root, loaded.root);  // the same values
    EXPECT_EQ(made.sha256, loaded.sha256);
    EXPECT_EQ(made.chain, loaded.chain);
    EXPECT_EQ(made.override_names, loaded.override_names);
    EXPECT_EQ(made.overrides, loaded.overrides);
    EXPECT_EQ(made.file, loaded.file);
    // The same order, which is what a model is built in.
    const auto expected = keys_in_file_order(loaded, loaded.root);
    const auto got = keys_in_file_order(made, made.root);
    if (positions == ParsedChain::Positions::all)
      EXPECT_EQ(got, expected);
    else
      EXPECT_EQ(keys_only(got), keys_only(expected));
  }
  // Without positions a value names no line; with them it names its file's.
  EXPECT_EQ(find_node(chain.document(overrides, ParsedChain::Positions::keys).root, "behaviour.peer_weight")
                ->source()
                .begin.line,
            0u);
  const Document all = chain.document(overrides, ParsedChain::Positions::all);
  EXPECT_EQ(find_node(all.root, "behaviour.peer_weight")->source().begin.line, 5u);
  EXPECT_EQ(source_file(find_node(all.root, "behaviour.peer_weight")),
            (dir / "common/base.toml").lexically_normal().string());
}

TEST_F(parsed_chain, builds_from_the_bytes_it_read_whatever_happens_to_the_files) {
  // Named through a link, which is then pointed elsewhere: the chain's
  // files must not be looked for again.
  const auto link = dir / "scen/link.toml";
  std::filesystem::create_symlink(child, link);
  const ParsedChain chain(link);
  const std::string sha = load_document(link).sha256;
  EXPECT_EQ(chain.sha256(), sha);
  std::filesystem::remove(link);
  std::filesystem::create_symlink(write("scen/other.toml", "[scenario]\nname = \"other\"\n"), link);
  write("common/base.toml", "[behaviour]\nenrol_rate = 0.9\n");
  std::filesystem::remove(child);
  for (const auto positions : {ParsedChain::Positions::keys, ParsedChain::Positions::all}) {
    const Document doc = chain.document({}, positions);
    const Reader r(doc);
    EXPECT_DOUBLE_EQ(r.number("behaviour.enrol_rate"), 0.05);
    EXPECT_EQ(r.string("scenario.name"), "child");
    EXPECT_EQ(doc.sha256, sha);
  }
  EXPECT_EQ(
      find_node(chain.document({}, ParsedChain::Positions::all).root, "scenario.name")->source().begin.line,
      5u);
}

TEST_F(parsed_chain, refuses_what_loading_refuses) {
  const auto broken = write("broken.toml", "extends = \"nope.toml\"\n");
  std::string expected;
  try {
    load_document(broken);
  } catch (const ScenarioError& e) {
    expected = e.what();
  }
  ASSERT_FALSE(expected.empty());
  try {
    const ParsedChain chain(broken);
    ADD_FAILURE() << "no ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
  const ParsedChain chain(child);
  const std::string bad_override = load_error(child, {"a=1\nb=2"}).format();
  for (const auto positions : {ParsedChain::Positions::keys, ParsedChain::Positions::all}) {
    try {
      chain.document({"a=1\nb=2"}, positions);
      ADD_FAILURE() << "no ScenarioError";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(std::string(e.what()), bad_override);
    }
  }
}

}  // namespace
}  // namespace score::scenario

// The plain-C++ side of the learn pipeline: labels, the predictions join, folds, ROC and
// the confidence baseline policy.
#include "core/formats/labels.hpp"
#include "core/formats/predictions.hpp"
#include "core/mux/folds.hpp"
#include "core/mux/mux_report.hpp"
#include "core/mux/roc.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "test_util.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>

using namespace muxsim;
using test::error_of;
using test::write_temp;

TEST_CASE("labels: duplicates and negative classes are named by line") {
  CHECK(read_labels(write_temp("l1.csv", "file_name,label\na.JPEG,3\nb.JPEG,0\n")).inputs.size() ==
        2);
  CHECK(error_of([] {
          read_labels(write_temp("l2.csv", "file_name,label\na,1\na,2\n"));
        }).find("l2.csv:3: field 'file_name'") != std::string::npos);
  CHECK(error_of([] {
          read_labels(write_temp("l3.csv", "file_name,label\na,-1\n"));
        }).find("l3.csv:2: field 'label'") != std::string::npos);
}

TEST_CASE("labels: an unlabelled image or a missing labelled file is refused") {
  const auto dir = std::filesystem::path(test::temp_dir()) / "folder";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.JPEG") << "x";
  std::ofstream(dir / "notes.txt") << "not an image";
  const auto labels = read_labels(write_temp("lf.csv", "file_name,label\na.JPEG,1\n"));
  CHECK(error_of([&] { require_labelled_folder(dir.string(), labels); }).empty());
  std::ofstream(dir / "b.jpg") << "x";
  CHECK(error_of([&] {
          require_labelled_folder(dir.string(), labels);
        }).find("b.jpg: image has no label") != std::string::npos);
  std::filesystem::remove(dir / "b.jpg");
  const auto more = read_labels(write_temp("lg.csv", "file_name,label\na.JPEG,1\nc.JPEG,2\n"));
  CHECK(error_of([&] {
          require_labelled_folder(dir.string(), more);
        }).find("lg.csv:3: field 'file_name': 'c.JPEG' is not in") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("predictions join: correctness per model, in label order") {
  const auto labels = read_labels(write_temp("jl.csv", "file_name,label\nx,5\ny,7\n"));
  const auto mine = write_temp("jp1.csv", "file_name,predicted_class,predicted_probability,label\n"
                                          "y,7,0.9,7\nx,4,0.6,5\n");
  const auto theirs = write_temp("jp2.csv", "file_name,predicted_class,predicted_probability\n"
                                            "x,5,0.8\ny,1,0.3\nz,2,0.5\n");
  const auto truth = write_temp("jt.csv", "file_name,label\nx,5\ny,7\nz,2\n");
  const auto t = join_predictions(labels, {{"small", mine}, {"big", theirs}}, truth);
  REQUIRE(t.models == std::vector<std::string>{"small", "big"});
  CHECK(t.inputs[0].input_id == "x");
  CHECK(t.inputs[0].correct == std::vector<bool>{false, true});
  CHECK(t.inputs[1].correct == std::vector<bool>{true, false});
  CHECK(t.inputs[1].conf[0] == doctest::Approx(0.9));
  CHECK(t.provenance == "real");
}

TEST_CASE("predictions: measured files name model, engine and ISA, and the trace keeps them") {
  const auto labels = read_labels(write_temp("ol.csv", "file_name,label\nx,5\ny,7\n"));
  const std::string head = "file_name,predicted_class,predicted_probability,label,correct";
  const auto measured =
      write_temp("op1.csv", head + ",model_sha256,qengine,isa\nx,5,0.8,5,1,ab12,qnnpack,avx2\n"
                                   "y,7,0.7,7,1,ab12,qnnpack,avx2\n");
  const auto t = join_predictions(labels, {{"phone", measured}}, "");
  CHECK(t.provenance == "real; phone model_sha256=ab12 qengine=qnnpack isa=avx2");
  // muxsim predict's output (it has `correct`) without its origin is refused.
  const auto bare = write_temp("op2.csv", head + "\nx,5,0.8,5,1\ny,7,0.7,7,1\n");
  CHECK(error_of([&] {
          read_predictions(bare);
        }).find("op2.csv:1: field 'model_sha256': missing; measured predictions") !=
        std::string::npos);
  const auto no_isa = write_temp(
      "op3.csv",
      head + ",model_sha256,qengine\nx,5,0.8,5,1,ab12,qnnpack\ny,7,0.7,7,1,ab12,qnnpack\n");
  CHECK(error_of([&] { read_predictions(no_isa); }).find("op3.csv:1: field 'isa': missing") !=
        std::string::npos);
  const auto mixed =
      write_temp("op4.csv", head + ",model_sha256,qengine,isa\nx,5,0.8,5,1,ab12,qnnpack,avx2\n"
                                   "y,7,0.7,7,1,ab12,onednn,avx2\n");
  CHECK(error_of([&] {
          read_predictions(mixed);
        }).find("op4.csv:3: field 'qengine': 'onednn' differs from line 2's 'qnnpack'") !=
        std::string::npos);
}

TEST_CASE("predictions join: mismatches on either side are refused") {
  const auto labels = read_labels(write_temp("ml.csv", "file_name,label\nx,5\ny,7\n"));
  const auto header = std::string("file_name,predicted_class,predicted_probability\n");
  const auto partial = write_temp("mp1.csv", header + "x,5,0.8\n");
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", partial}}, "");
        }).find("ml.csv:3: field 'file_name': 'y' has no prediction in") != std::string::npos);
  const auto full = write_temp("mp2.csv", header + "x,5,0.8\ny,7,0.8\nz,1,0.5\n");
  const auto short_truth = write_temp("mt1.csv", "file_name,label\nx,5\ny,7\n");
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", full}}, short_truth);
        }).find("'z' is not in the ground truth") != std::string::npos);
  const auto long_truth = write_temp("mt2.csv", "file_name,label\nx,5\ny,7\nz,1\nw,3\n");
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", full}}, long_truth);
        }).find("mt2.csv:5: field 'file_name': 'w' has no prediction") != std::string::npos);
  const auto wrong_truth = write_temp("mt3.csv", "file_name,label\nx,5\ny,8\nz,1\n");
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", full}}, wrong_truth);
        }).find("mt3.csv:3: field 'label': 8 for 'y'") != std::string::npos);
  const auto self_wrong =
      write_temp("mp3.csv", header.substr(0, header.size() - 1) + ",label\nx,5,0.8,5\ny,7,0.8,6\n");
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", self_wrong}}, "");
        }).find("mp3.csv:3: field 'label': 6 for 'y'") != std::string::npos);
  CHECK(error_of([&] {
          join_predictions(labels, {{"m", full}, {"m", full}}, "");
        }).find("given twice") != std::string::npos);
}

TEST_CASE("folds: balanced, seeded, every input in exactly one") {
  const auto a = assign_folds(1300, 5, 1);
  std::vector<int> sizes(5, 0);
  for (int f : a)
    ++sizes.at(f);
  CHECK(sizes == std::vector<int>(5, 260));
  CHECK(assign_folds(1300, 5, 1) == a);
  CHECK(assign_folds(1300, 5, 2) != a);
  const auto odd = assign_folds(7, 3, 9);
  std::vector<int> odd_sizes(3, 0);
  for (int f : odd)
    ++odd_sizes.at(f);
  CHECK(*std::max_element(odd_sizes.begin(), odd_sizes.end()) -
            *std::min_element(odd_sizes.begin(), odd_sizes.end()) <=
        1);
  CHECK_FALSE(error_of([] { assign_folds(3, 5, 1); }).empty());
}

TEST_CASE("ROC AUC and operating point on hand-made scores") {
  const std::vector<bool> right = {true, true, false, false};
  CHECK(roc_auc({0.9, 0.8, 0.2, 0.1}, right) == doctest::Approx(1.0));
  CHECK(roc_auc({0.1, 0.2, 0.8, 0.9}, right) == doctest::Approx(0.0));
  CHECK(roc_auc({0.5, 0.5, 0.5, 0.5}, right) == doctest::Approx(0.5));
  CHECK(roc_auc({0.9, 0.3, 0.6, 0.1}, right) == doctest::Approx(0.75));
  CHECK(std::isnan(roc_auc({0.1, 0.2}, {true, true})));
  const auto p = rates_at({0.9, 0.3, 0.6, 0.1}, right, 0.5);
  CHECK(p.tpr == doctest::Approx(0.5));
  CHECK(p.tnr == doctest::Approx(0.5));
}

TEST_CASE("bootstrap AUC interval: brackets the AUC, narrows with more inputs") {
  std::vector<double> few_s, many_s;
  std::vector<bool> few_p, many_p;
  for (int i = 0; i < 2000; ++i) {
    // Positives score higher on average, with overlap: AUC about 0.76.
    const bool p = i % 2 == 0;
    const double s = (i * 7919 % 1000) / 1000.0 + (p ? 0.5 : 0.0);
    (i < 100 ? few_s : many_s).push_back(s);
    (i < 100 ? few_p : many_p).push_back(p);
  }
  const auto few = bootstrap_auc(few_s, few_p, 1000, 1);
  const auto many = bootstrap_auc(many_s, many_p, 1000, 1);
  const double auc = roc_auc(many_s, many_p);
  CHECK(many.lo < auc);
  CHECK(auc < many.hi);
  CHECK(many.hi - many.lo < few.hi - few.lo);
  CHECK(many.hi - many.lo > 0.01);
  // Same seed, same interval.
  CHECK(bootstrap_auc(few_s, few_p, 1000, 1).lo == few.lo);
}

TEST_CASE("mux report: one row per model and scorer, with cost and interval") {
  DecisionTrace t;
  t.models = {"small", "big"};
  t.inputs = {{"a", 0, 0, {0, 0}, {0.9, 0.8}, {true, true}, {0.7, 0.6}},
              {"b", 1, 1, {2, 1}, {0.3, 0.7}, {false, true}, {0.2, 0.9}}};
  const auto csv = mux_report_csv(t, trace_scorers(t, 0, 0.004, 0.3), 0.5);
  CHECK(csv.find("small,learned,0.004000,1.0000,") != std::string::npos);
  CHECK(csv.find(",0.5,1.0000,1.0000,0.5000,2\n") != std::string::npos);
  CHECK(csv.find("small,confidence,0.300000,1.0000,") != std::string::npos);
  CHECK(csv.find("big,learned,0.004000,nan,nan,nan") != std::string::npos); // never wrong
}

TEST_CASE("hybrid-confidence: the phone model always runs; unsure inputs also go to the cloud") {
  DecisionTrace t;
  t.models = {"small", "big"};
  Deployment d;
  d.trace = &t;
  d.mobile = 0;
  d.cloud = {{1, ModelProfile{}}};
  d.cloud_default = 0;
  PolicyParams params;
  params.confidence_threshold = 0.6;
  const auto policy = make_policy("hybrid-confidence", d, params);
  const TraceInput sure{"a", 0, 0, {0, 0}, {0.9, 0.5}, {true, true}, {0.1, 0.1}};
  const TraceInput unsure{"b", 0, 0, {0, 0}, {0.4, 0.5}, {true, true}, {0.9, 0.9}};
  const Plan keep = policy->decide(sure, PhoneView{});
  CHECK(keep.local);
  CHECK_FALSE(keep.mux);
  CHECK(keep.cloud_slots.empty());
  const Plan offload = policy->decide(unsure, PhoneView{});
  CHECK(offload.local);
  CHECK(offload.cloud_slots == SlotList{0});
  const auto c = account(d, offload, unsure, Timing{});
  CHECK_FALSE(c.local); // answered by the cloud, though the phone model ran
}

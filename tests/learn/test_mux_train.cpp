// Out-of-fold training: no input is scored by a network that trained on it, and the
// network does learn a pattern that is there.
#include "core/roc.hpp"
#include "learn/mux_train.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace muxsim;
using namespace muxsim::learn;

TEST_CASE("out-of-fold scores: every input scored once, never by a network trained on it") {
  const int n = 60;
  const auto images = torch::randn({n, 3, 16, 16});
  std::vector<std::vector<bool>> correct(n, {true, false});
  for (int i = 0; i < n; i += 3)
    correct[i][1] = true;
  MuxTrainOptions o;
  o.folds = 4;
  o.epochs = 1;
  o.progress = false;
  const auto s = train_out_of_fold(images, correct, o);
  REQUIRE(s.trained.size() == 4);
  for (int i = 0; i < n; ++i) {
    const auto& trained = s.trained[s.fold[i]];
    CHECK(std::find(trained.begin(), trained.end(), static_cast<std::size_t>(i)) == trained.end());
    for (double v : s.score[i])
      CHECK((v > 0 && v < 1));
  }
  std::size_t total = 0;
  for (const auto& t : s.trained)
    total += t.size();
  CHECK(total == static_cast<std::size_t>(n * 3)); // each input trains 3 of the 4 networks
}

TEST_CASE("the multiplexer learns which inputs a model gets right when pixels tell") {
  // Model 0 is right exactly on bright images; the out-of-fold AUC must be high.
  torch::manual_seed(7);
  const int n = 240;
  auto images = torch::randn({n, 3, 16, 16}) * 0.3;
  std::vector<std::vector<bool>> correct(n, {false});
  for (int i = 0; i < n; ++i)
    if (i % 2 == 0) {
      images[i] += 1.0;
      correct[i][0] = true;
    }
  MuxTrainOptions o;
  o.folds = 3;
  o.epochs = 8;
  o.batch = 32;
  o.learning_rate = 3e-3;
  o.progress = false;
  const auto s = train_out_of_fold(images, correct, o);
  std::vector<double> score;
  std::vector<bool> right;
  for (int i = 0; i < n; ++i)
    score.push_back(s.score[i][0]), right.push_back(correct[i][0]);
  CHECK(roc_auc(score, right) > 0.95);
}

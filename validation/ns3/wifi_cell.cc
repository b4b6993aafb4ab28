// A packet-level reference for muxsim's Wi-Fi cell (docs/wifi-validation.md): N stations in
// one 802.11g, 802.11n, 802.11ac or 802.11ax BSS (docs/notes/ns3-acax-reference.md for ac and
// ax), each at its own fixed PHY rate or, with --rate-control=ideal,
// at the rate ns-3's IdealWifiManager picks from the SNR at --distance, each with one TCP
// connection through the access point to a wired server. A station uploads `upload` bytes;
// when the server has them all it sends `download` bytes back (after --server-ms); the station then
// waits its think time (closed loop) or takes the next message its Poisson arrivals queued. With
// --pipeline a Poisson message is written to the connection when it arrives, after the ones
// before it, without waiting for their replies (as muxsim's open-loop requests go). One CSV
// row per message: when its upload started, when the server had it, when the reply was in.
//
// Built against Debian's libns3-dev (3.37) by validation/ns3/CMakeLists.txt; optional.
#include <ns3/applications-module.h>
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/mobility-module.h>
#include <ns3/network-module.h>
#include <ns3/point-to-point-module.h>
#include <ns3/spectrum-module.h>
#include <ns3/wifi-module.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace {

struct Options {
  std::string standard = "802.11g";
  uint32_t width = 0;       // 802.11ac/ax: channel width in MHz (0: ns-3's default, 80)
  uint32_t guard_ns = 0;    // 802.11ac/ax: guard interval (0: ns-3's default, 800 or 3200)
  std::string phy = "yans"; // yans (as for g/n) or spectrum (needed by --ofdma)
  bool ofdma = false;       // 802.11ax: the access point schedules uplink OFDMA
  uint32_t mu_stations = 4; // --ofdma: RrMultiUserScheduler NStations (ns-3's default 4)
  double access_req_ms = 0; // --ofdma: MultiUserScheduler AccessReqInterval (0: none)
  std::string rate_control = "constant"; // constant (--rates) or ideal (IdealWifiManager)
  std::string rates = "54";              // per station, PHY rates in Mbit/s
  uint32_t stations = 1;                 // with ideal rate control; else one per rate
  bool aggregation = false;              // 802.11n: A-MPDU on (ns-3's default) or off
  double upload = 28600, download = 0;
  double think_ms = 0, poisson_hz = 0;
  bool pipeline = false; // Poisson: write each message when it arrives, not after the last reply
  double seconds = 10, warmup = 1; // messages that start before `warmup` are not written
  double connect_s = 0; // when stations open their connections (0: before the simulation)
  double wired_delay_ms = 0.1, distance_m = 5;
  double server_ms = 0; // the server's compute time before each reply
  uint32_t seed = 1;
  std::string out = "-";
  std::string goodput; // also write each station's bytes received by the server after warmup
  std::string ppdus;   // also write the PSDUs sent after warmup, by sender and preamble type
  // also write every PSDU sent after warmup, one row each
  std::string ppdu_log;
};

bool very_high_throughput(const Options& o) {
  return o.standard == "802.11ac" || o.standard == "802.11ax";
}

// 802.11ac/ax: the width and guard interval the cell runs at, ns-3's defaults filled in.
uint32_t cell_width(const Options& o) {
  return o.width == 0 ? 80 : o.width;
}
uint32_t cell_guard_ns(const Options& o) {
  if (o.guard_ns != 0) return o.guard_ns;
  return o.standard == "802.11ax" ? 3200 : 800;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    out.push_back(item);
  return out;
}

// ns-3's name of a PHY rate: ERP-OFDM (6 to 54), the DSSS/CCK rates 802.11g keeps from
// 802.11b (1, 2, 5.5, 11), or the HT MCS 0-7 of one stream at 20 MHz with the 800 ns guard
// interval (6.5, 13, 19.5, 26, 39, 52, 58.5, 65). An unknown rate: "".
//
// 802.11ac/ax: the VHT MCS 0-9 or HE MCS 0-11 whose rate for one spatial stream at the cell's
// width and guard interval is within 0.1 Mbit/s of `rate` (ns-3's own WifiMode::GetDataRate).
std::string mode_name(const Options& o, const std::string& rate) {
  const std::string& standard = o.standard;
  if (very_high_throughput(o)) {
    char* end = nullptr;
    const double mbps = std::strtod(rate.c_str(), &end);
    if (end == rate.c_str() || *end != '\0') return "";
    const bool he = standard == "802.11ax";
    for (uint8_t mcs = 0; mcs < (he ? 12 : 10); ++mcs) {
      const WifiMode mode = he ? HePhy::GetHeMcs(mcs) : VhtPhy::GetVhtMcs(mcs);
      WifiTxVector tx;
      tx.SetMode(mode);
      tx.SetPreambleType(he ? WIFI_PREAMBLE_HE_SU : WIFI_PREAMBLE_VHT_SU);
      tx.SetChannelWidth(static_cast<uint16_t>(cell_width(o)));
      tx.SetGuardInterval(static_cast<uint16_t>(cell_guard_ns(o)));
      tx.SetNss(1);
      tx.SetNTx(1);
      if (!tx.IsValid()) continue; // e.g. VHT MCS 9 at 20 MHz
      if (std::abs(static_cast<double>(mode.GetDataRate(tx)) / 1e6 - mbps) < 0.1)
        return (he ? "HeMcs" : "VhtMcs") + std::to_string(mcs);
    }
    return "";
  }
  if (standard == "802.11n") {
    const std::vector<std::string> ht{"6.5", "13", "19.5", "26", "39", "52", "58.5", "65"};
    for (std::size_t mcs = 0; mcs < ht.size(); ++mcs)
      if (rate == ht[mcs]) return "HtMcs" + std::to_string(mcs);
    return "";
  }
  if (rate == "1" || rate == "2" || rate == "11") return "DsssRate" + rate + "Mbps";
  if (rate == "5.5") return "DsssRate5_5Mbps";
  for (const char* ofdm : {"6", "9", "12", "18", "24", "36", "48", "54"})
    if (rate == ofdm) return "ErpOfdmRate" + rate + "Mbps";
  return "";
}

struct Message {
  double queued = 0, start = 0, uploaded = 0, replied = 0;
};

// One station's closed or open loop over its TCP connection.
class Station {
public:
  Station(int index, const Options& o, Ptr<Socket> socket, std::ostream& csv)
      : index_(index), o_(o), socket_(socket), csv_(csv) {
    socket_->SetRecvCallback(MakeCallback(&Station::on_receive, this));
    socket_->SetSendCallback(MakeCallback(&Station::on_send_space, this));
    arrivals_ = CreateObject<ExponentialRandomVariable>();
    arrivals_->SetAttribute("Mean", DoubleValue(o.poisson_hz > 0 ? 1.0 / o.poisson_hz : 1.0));
    arrivals_->SetStream(index);
  }
  void start() {
    if (o_.poisson_hz > 0)
      Simulator::Schedule(Seconds(arrivals_->GetValue()), &Station::arrive, this);
    else
      arrive();
  }
  // The server side reports when it holds a whole message: the first not yet held.
  void uploaded() {
    for (Message& m : queue_)
      if (m.uploaded == 0) {
        m.uploaded = Simulator::Now().GetSeconds();
        return;
      }
  }

private:
  void arrive() {
    queue_.push_back({Simulator::Now().GetSeconds()});
    if (o_.pipeline) {
      queue_.back().start = queue_.back().queued;
      to_send_ += static_cast<uint64_t>(o_.upload);
      on_send_space(socket_, socket_->GetTxAvailable());
    } else if (queue_.size() == 1) {
      begin();
    }
    if (o_.poisson_hz > 0)
      Simulator::Schedule(Seconds(arrivals_->GetValue()), &Station::arrive, this);
  }
  void begin() {
    queue_.front().start = Simulator::Now().GetSeconds();
    to_send_ = static_cast<uint64_t>(o_.upload);
    received_ = 0;
    on_send_space(socket_, socket_->GetTxAvailable());
  }
  void on_send_space(Ptr<Socket>, uint32_t) {
    while (to_send_ > 0) {
      const uint32_t room = socket_->GetTxAvailable();
      if (room == 0) return;
      const uint32_t n = static_cast<uint32_t>(std::min<uint64_t>({to_send_, room, 65536}));
      const int sent = socket_->Send(Create<Packet>(n));
      if (sent <= 0) return;
      to_send_ -= static_cast<uint64_t>(sent);
    }
  }
  void on_receive(Ptr<Socket> s) {
    while (Ptr<Packet> p = s->Recv())
      received_ += p->GetSize();
    const auto reply = static_cast<uint64_t>(o_.download);
    if (!o_.pipeline) {
      if (!queue_.empty() && received_ >= reply) finish();
      return;
    }
    for (; !queue_.empty() && received_ >= reply; received_ -= reply)
      finish();
  }

public:
  // With no reply, the message ends when the server holds it.
  void finish() {
    Message m = queue_.front();
    queue_.pop_front();
    m.replied = Simulator::Now().GetSeconds();
    if (m.start >= o_.warmup)
      csv_ << index_ << ',' << m.queued << ',' << m.start << ',' << m.uploaded << ',' << m.replied
           << '\n';
    if (o_.poisson_hz > 0) {
      if (!o_.pipeline && !queue_.empty()) begin();
    } else {
      queue_.push_back({});
      Simulator::Schedule(MilliSeconds(o_.think_ms), &Station::restart, this);
    }
  }
  void restart() {
    queue_.front().queued = Simulator::Now().GetSeconds();
    begin();
  }

private:
  int index_;
  const Options& o_;
  Ptr<Socket> socket_;
  std::ostream& csv_;
  Ptr<ExponentialRandomVariable> arrivals_;
  std::deque<Message> queue_;
  uint64_t to_send_ = 0, received_ = 0;
};

// The wired server: counts each connection's bytes and answers every whole message.
class Server {
public:
  Server(const Options& o, std::vector<Station*>& stations) : o_(o), stations_(stations) {}
  void listen(Ptr<Node> node, uint16_t port) {
    listener_ = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    listener_->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    listener_->Listen();
    listener_->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                 MakeCallback(&Server::accepted, this));
  }

  // Bytes each station has delivered to the server so far.
  uint64_t delivered(int station) const {
    const auto it = delivered_.find(station);
    return it == delivered_.end() ? 0 : it->second;
  }

private:
  void accepted(Ptr<Socket> s, const Address& from) {
    // Stations connect in order of their addresses: 10.1.1.2 is station 0.
    const uint32_t host = InetSocketAddress::ConvertFrom(from).GetIpv4().Get() & 0xff;
    owner_[PeekPointer(s)] = static_cast<int>(host) - 2;
    s->SetRecvCallback(MakeCallback(&Server::on_receive, this));
  }
  void on_receive(Ptr<Socket> s) {
    uint64_t& got = bytes_[PeekPointer(s)];
    while (Ptr<Packet> p = s->Recv()) {
      got += p->GetSize();
      delivered_[owner_[PeekPointer(s)]] += p->GetSize();
    }
    const auto whole = static_cast<uint64_t>(o_.upload);
    while (got >= whole) {
      got -= whole;
      Station* st = stations_[owner_[PeekPointer(s)]];
      st->uploaded();
      if (o_.download <= 0)
        st->finish();
      else if (o_.server_ms > 0)
        Simulator::Schedule(MicroSeconds(o_.server_ms * 1000), &Server::reply, this, s);
      else
        reply(s);
    }
  }

  void reply(Ptr<Socket> s) { s->Send(Create<Packet>(static_cast<uint32_t>(o_.download))); }

  const Options& o_;
  std::vector<Station*>& stations_;
  Ptr<Socket> listener_;
  std::map<Socket*, uint64_t> bytes_;
  std::map<Socket*, int> owner_;
  std::map<int, uint64_t> delivered_;
};

// What each station's data frames went at after --warmup: MPDUs per PHY rate (bit/s), and
// how many of them were retransmissions (the MAC header's Retry bit), from the PHY's
// PhyTxPsduBegin trace.
class RateCounter {
public:
  RateCounter(const Options& o, uint32_t n) : o_(o), mpdus_(n), retries_(n, 0) {}
  void watch(uint32_t station, Ptr<WifiPhy> phy) {
    phy->TraceConnectWithoutContext("PhyTxPsduBegin",
                                    MakeCallback(&RateCounter::on_transmit, this, station));
  }
  uint64_t mpdus(uint32_t station) const {
    uint64_t all = 0;
    for (const auto& [rate, count] : mpdus_[station])
      all += count;
    return all;
  }
  uint64_t retries(uint32_t station) const { return retries_[station]; }
  // "RATE:SHARE ..." in Mbit/s, the most used rate first; "" when nothing was sent.
  std::string shares(uint32_t station) const {
    std::vector<std::pair<uint64_t, uint64_t>> by_count;
    for (const auto& [rate, count] : mpdus_[station])
      by_count.emplace_back(count, rate);
    std::sort(by_count.rbegin(), by_count.rend());
    std::ostringstream out;
    for (const auto& [count, rate] : by_count) {
      char item[64];
      std::snprintf(item, sizeof item, "%s%g:%.4f", out.tellp() > 0 ? " " : "", rate / 1e6,
                    static_cast<double>(count) / static_cast<double>(mpdus(station)));
      out << item;
    }
    return out.str();
  }

private:
  void on_transmit(uint32_t station, WifiConstPsduMap psdus, WifiTxVector tx, double) {
    if (Simulator::Now() < Seconds(o_.warmup)) return;
    for (const auto& [sta_id, psdu] : psdus) {
      // A trigger-based (OFDMA) PPDU carries each station's PSDU at that station's MCS and RU.
      const uint64_t rate = tx.GetMode(sta_id).GetDataRate(tx, sta_id);
      for (const Ptr<WifiMpdu>& mpdu : *psdu) {
        if (!mpdu->GetHeader().HasData()) continue;
        ++mpdus_[station][rate];
        if (mpdu->GetHeader().IsRetry()) ++retries_[station];
      }
    }
  }

  const Options& o_;
  std::vector<std::map<uint64_t, uint64_t>> mpdus_;
  std::vector<uint64_t> retries_;
};

// Every PSDU any device sent after --warmup, by sender (ap or sta) and the PPDU's preamble type
// (LONG for non-HT frames such as ACKs and trigger frames, VHT_SU, HE_SU, HE_MU for downlink
// OFDMA, HE_TB for the stations' trigger-based uplink OFDMA), with the data MPDUs they held;
// and the MPDUs the MACs dropped after --warmup, as preamble "drop_REASON" (the WifiMac
// DroppedMpdu trace: failed_enqueue, expired_lifetime, retry_limit, qos_old_packet).
class PpduCounter {
public:
  explicit PpduCounter(const Options& o) : o_(o) {}
  void watch(const std::string& sender, Ptr<WifiPhy> phy) {
    phy->TraceConnectWithoutContext("PhyTxPsduBegin",
                                    MakeCallback(&PpduCounter::on_transmit, this, sender));
  }
  void watch(const std::string& sender, Ptr<WifiMac> mac) {
    mac->TraceConnectWithoutContext("DroppedMpdu",
                                    MakeCallback(&PpduCounter::on_drop, this, sender));
  }
  void write(const std::string& path) const {
    std::ofstream out(path);
    out << "sender,preamble,psdus,data_mpdus\n";
    for (const auto& [key, count] : counts_)
      out << key.first << ',' << key.second << ',' << count.first << ',' << count.second << '\n';
  }

private:
  void on_transmit(std::string sender, WifiConstPsduMap psdus, WifiTxVector tx, double) {
    if (Simulator::Now() < Seconds(o_.warmup)) return;
    std::ostringstream preamble;
    preamble << tx.GetPreambleType();
    auto& count = counts_[{sender, preamble.str()}];
    for (const auto& [sta_id, psdu] : psdus) {
      ++count.first;
      for (const Ptr<WifiMpdu>& mpdu : *psdu)
        if (mpdu->GetHeader().HasData()) ++count.second;
    }
  }

  void on_drop(std::string sender, WifiMacDropReason reason, Ptr<const WifiMpdu> mpdu) {
    if (Simulator::Now() < Seconds(o_.warmup)) return;
    const char* names[] = {"failed_enqueue", "expired_lifetime", "retry_limit", "qos_old_packet"};
    auto& count = counts_[{sender, std::string("drop_") + names[std::min<int>(reason, 3)]}];
    ++count.first;
    if (mpdu->GetHeader().HasData()) ++count.second;
  }

  const Options& o_;
  std::map<std::pair<std::string, std::string>, std::pair<uint64_t, uint64_t>> counts_;
};

// Every PSDU any device sent after --warmup, one row each (--ppdu-log): when (us), who (ap or
// staN), the PPDU's preamble type, what its first MPDU is (data, qos_null, trigger_basic,
// trigger_bsrp, trigger_mu_bar, block_ack, multi_sta_block_ack, block_ack_req, ack, rts, cts,
// mgmt, other), the PPDU's width and, in a multi-user PPDU, this PSDU's RU (tones), the
// PSDU's rate (Mbit/s), bytes, MPDUs, data MPDUs and their payload bytes, and the PPDU's
// duration (us; an HE TB PPDU's from the UL length its trigger frame set). A trigger frame's
// row also has its user count and UL length.
class PpduLog {
public:
  PpduLog(const Options& o, const std::string& path) : o_(o), out_(path) {
    out_ << "time_us,sender,preamble,kind,width_mhz,ru_tones,rate_mbps,psdu_bytes,mpdus,"
            "data_mpdus,data_bytes,duration_us,trigger_users,ul_length\n";
  }
  void watch(const std::string& sender, Ptr<WifiPhy> phy) {
    phy->TraceConnectWithoutContext("PhyTxPsduBegin",
                                    MakeCallback(&PpduLog::on_transmit, this, sender));
  }

private:
  void on_transmit(std::string sender, WifiConstPsduMap psdus, WifiTxVector tx, double) {
    if (Simulator::Now() < Seconds(o_.warmup)) return;
    const bool tb = tx.GetPreambleType() == WIFI_PREAMBLE_HE_TB;
    // 802.11g and n cells are in the 2.4 GHz band (signal extension), ac and ax in 5 GHz.
    const bool five = o_.standard == "802.11ac" || o_.standard == "802.11ax";
    const WifiPhyBand band = five ? WIFI_PHY_BAND_5GHZ : WIFI_PHY_BAND_2_4GHZ;
    const Time duration = tb ? HePhy::ConvertLSigLengthToHeTbPpduDuration(tx.GetLength(), tx, band)
                             : WifiPhy::CalculateTxDuration(psdus, tx, band);
    for (const auto& [sta_id, psdu] : psdus) {
      const WifiMacHeader& first = (*psdu->begin())->GetHeader();
      std::string kind = "other";
      uint32_t users = 0, ul_length = 0;
      if (first.IsTrigger()) {
        CtrlTriggerHeader trigger;
        (*psdu->begin())->GetPacket()->PeekHeader(trigger);
        kind = trigger.IsBasic()   ? "trigger_basic"
               : trigger.IsBsrp()  ? "trigger_bsrp"
               : trigger.IsMuBar() ? "trigger_mu_bar"
                                   : "trigger_other";
        users = static_cast<uint32_t>(trigger.GetNUserInfoFields());
        ul_length = trigger.GetUlLength();
      } else if (first.IsBlockAck()) {
        CtrlBAckResponseHeader ba;
        (*psdu->begin())->GetPacket()->PeekHeader(ba);
        kind = ba.IsMultiSta() ? "multi_sta_block_ack" : "block_ack";
      } else if (first.IsBlockAckReq()) {
        kind = "block_ack_req";
      } else if (first.IsAck()) {
        kind = "ack";
      } else if (first.IsRts()) {
        kind = "rts";
      } else if (first.IsCts()) {
        kind = "cts";
      } else if (first.IsMgt()) {
        kind = "mgmt";
      } else if (first.IsQosData()) {
        kind = first.HasData() ? "data" : "qos_null";
      }
      uint32_t data_mpdus = 0;
      uint64_t data_bytes = 0;
      for (const Ptr<WifiMpdu>& mpdu : *psdu)
        if (mpdu->GetHeader().HasData()) {
          ++data_mpdus;
          data_bytes += mpdu->GetPacketSize();
        }
      const bool mu = tx.IsMu();
      const uint32_t tones = mu ? tx.GetRu(sta_id).GetRuType() : 0;
      static const uint32_t ru_tones[] = {26, 52, 106, 242, 484, 996, 1992};
      std::ostringstream preamble;
      preamble << tx.GetPreambleType();
      char row[320];
      std::snprintf(
          row, sizeof row, "%.3f,%s,%s,%s,%u,%u,%.3f,%u,%zu,%u,%llu,%.3f,%u,%u\n",
          Simulator::Now().GetNanoSeconds() / 1e3, sender.c_str(), preamble.str().c_str(),
          kind.c_str(), tx.GetChannelWidth(), mu ? ru_tones[std::min<uint32_t>(tones, 6)] : 0,
          static_cast<double>(tx.GetMode(sta_id).GetDataRate(tx, sta_id)) / 1e6, psdu->GetSize(),
          psdu->GetNMpdus(), data_mpdus, static_cast<unsigned long long>(data_bytes),
          duration.GetNanoSeconds() / 1e3, users, ul_length);
      out_ << row;
    }
  }

  const Options& o_;
  std::ofstream out_;
};

// The BSS on ns-3's default channel (log-distance loss) and PHY. With constant rates each
// station sends at its --rates entry and the access point answers at the fastest of them
// (what rate control settles on 5 m away); with ideal rate control every device runs ns-3's
// IdealWifiManager, which picks each frame's rate from the SNR its peer last reported.
// 802.11ac/ax run in ns-3's 5 GHz default channel at --width and --guard-ns; --phy=spectrum
// swaps YansWifiPhy for SpectrumWifiPhy on a MultiModelSpectrumChannel with the same loss and
// delay models (ns-3 3.37 can receive OFDMA only there), and --ofdma gives the access point
// ns-3's round-robin multi-user scheduler with uplink OFDMA.
std::pair<NetDeviceContainer, NetDeviceContainer>
install_wifi(const Options& o, const std::vector<std::string>& rates, NodeContainer stations,
             Ptr<Node> ap) {
  YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
  YansWifiPhyHelper yans;
  SpectrumWifiPhyHelper spectrum;
  const bool use_spectrum = o.phy == "spectrum";
  if (use_spectrum) {
    Ptr<MultiModelSpectrumChannel> air = CreateObject<MultiModelSpectrumChannel>();
    air->AddPropagationLossModel(CreateObject<LogDistancePropagationLossModel>());
    air->SetPropagationDelayModel(CreateObject<ConstantSpeedPropagationDelayModel>());
    spectrum.SetChannel(air);
  } else {
    yans.SetChannel(channel.Create());
  }
  WifiPhyHelper& phy = use_spectrum ? static_cast<WifiPhyHelper&>(spectrum) : yans;
  WifiHelper wifi;
  if (o.standard == "802.11g")
    wifi.SetStandard(WIFI_STANDARD_80211g);
  else if (o.standard == "802.11n")
    wifi.SetStandard(WIFI_STANDARD_80211n);
  else if (o.standard == "802.11ac")
    wifi.SetStandard(WIFI_STANDARD_80211ac);
  else
    wifi.SetStandard(WIFI_STANDARD_80211ax);
  if (very_high_throughput(o)) {
    if (o.width != 0)
      phy.Set("ChannelSettings", StringValue("{0, " + std::to_string(o.width) + ", BAND_5GHZ, 0}"));
    if (o.standard == "802.11ac" && o.guard_ns != 0)
      wifi.ConfigHtOptions("ShortGuardIntervalSupported", BooleanValue(o.guard_ns == 400));
    if (o.standard == "802.11ax" && o.guard_ns != 0)
      wifi.ConfigHeOptions("GuardInterval", TimeValue(NanoSeconds(o.guard_ns)));
  }
  const bool ideal = o.rate_control == "ideal";
  if (ideal) wifi.SetRemoteStationManager("ns3::IdealWifiManager");
  WifiMacHelper mac;
  const Ssid ssid("muxsim");
  NetDeviceContainer sta_devices;
  std::string fastest = rates.front();
  for (uint32_t i = 0; i < stations.GetN(); ++i) {
    if (!ideal) {
      if (std::stod(rates[i]) > std::stod(fastest)) fastest = rates[i];
      wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager", "DataMode",
                                   StringValue(mode_name(o, rates[i])));
    }
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    sta_devices.Add(wifi.Install(phy, mac, stations.Get(i)));
  }
  if (!ideal)
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager", "DataMode",
                                 StringValue(mode_name(o, fastest)));
  if (o.ofdma)
    mac.SetMultiUserScheduler("ns3::RrMultiUserScheduler", "EnableUlOfdma", BooleanValue(true),
                              "EnableBsrp", BooleanValue(true), "NStations",
                              UintegerValue(o.mu_stations), "AccessReqInterval",
                              TimeValue(MicroSeconds(o.access_req_ms * 1000)));
  mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
  NetDeviceContainer ap_device = wifi.Install(phy, mac, ap);
  if (o.standard == "802.11n" && !o.aggregation) {
    NetDeviceContainer all = sta_devices;
    all.Add(ap_device);
    for (uint32_t i = 0; i < all.GetN(); ++i) {
      Ptr<WifiMac> m = DynamicCast<WifiNetDevice>(all.Get(i))->GetMac();
      m->SetAttribute("BE_MaxAmpduSize", UintegerValue(0));
    }
  }
  return {sta_devices, ap_device};
}

} // namespace

int main(int argc, char* argv[]) {
  Options o;
  CommandLine cmd;
  cmd.AddValue("standard", "802.11g, 802.11n, 802.11ac or 802.11ax", o.standard);
  cmd.AddValue("width", "802.11ac/ax: channel width in MHz, 20/40/80/160 (0: ns-3's 80)", o.width);
  cmd.AddValue("guard-ns",
               "802.11ac/ax: guard interval in ns, ac 400/800, ax 800/1600/3200 (0: ns-3's "
               "default, ac 800, ax 3200)",
               o.guard_ns);
  cmd.AddValue("phy", "yans (YansWifiPhy) or spectrum (SpectrumWifiPhy, needed by --ofdma)", o.phy);
  cmd.AddValue("ofdma", "802.11ax: the access point schedules uplink OFDMA (--phy=spectrum)",
               o.ofdma);
  cmd.AddValue("mu-stations",
               "--ofdma: stations per multi-user PPDU (RrMultiUserScheduler "
               "NStations)",
               o.mu_stations);
  cmd.AddValue("access-req-ms",
               "--ofdma: the scheduler's own channel access requests, one per "
               "this many ms (MultiUserScheduler AccessReqInterval; 0: none)",
               o.access_req_ms);
  cmd.AddValue("rate-control", "constant (each station at its --rates entry) or ideal",
               o.rate_control);
  cmd.AddValue("rates",
               "per station: PHY rates in Mbit/s, comma-separated (802.11ac/ax: of one spatial "
               "stream at --width and --guard-ns)",
               o.rates);
  cmd.AddValue("stations", "ideal rate control: the number of stations", o.stations);
  cmd.AddValue("aggregation", "802.11n: A-MPDU aggregation on", o.aggregation);
  cmd.AddValue("upload", "bytes per upload", o.upload);
  cmd.AddValue("download", "bytes per reply (0: none)", o.download);
  cmd.AddValue("think-ms", "closed loop: pause after each reply", o.think_ms);
  cmd.AddValue("poisson-hz", "open loop: Poisson arrivals per station (0: closed loop)",
               o.poisson_hz);
  cmd.AddValue("pipeline", "Poisson: send each message when it arrives, not after the last reply",
               o.pipeline);
  cmd.AddValue("seconds", "simulated time", o.seconds);
  cmd.AddValue("warmup", "messages starting before this many seconds are not written", o.warmup);
  cmd.AddValue("wired-delay-ms", "one-way delay between the access point and the server",
               o.wired_delay_ms);
  cmd.AddValue("server-ms", "the server's compute time before each reply", o.server_ms);
  cmd.AddValue("distance", "metres from each station to the access point", o.distance_m);
  cmd.AddValue("connect-s",
               "when the stations open their TCP connections (0: before the simulation starts, "
               "so the SYN precedes association and TCP resends it 3 s later); each station's "
               "first message or arrival comes 0.1 s + 10 ms x its index after this",
               o.connect_s);
  cmd.AddValue("seed", "run number of ns-3's random streams", o.seed);
  cmd.AddValue("out", "CSV file, or - for stdout", o.out);
  cmd.AddValue("goodput", "CSV file of each station's bytes delivered after --warmup", o.goodput);
  cmd.AddValue("ppdus", "CSV file of the PSDUs sent after --warmup by preamble type", o.ppdus);
  cmd.AddValue("ppdu-log", "CSV file of every PSDU sent after --warmup, one row each", o.ppdu_log);
  cmd.Parse(argc, argv);
  if (o.standard != "802.11g" && o.standard != "802.11n" && !very_high_throughput(o)) {
    std::fprintf(stderr, "wifi_cell: --standard must be 802.11g, 802.11n, 802.11ac or 802.11ax\n");
    return 2;
  }
  if (!very_high_throughput(o) && (o.width != 0 || o.guard_ns != 0)) {
    std::fprintf(stderr, "wifi_cell: --width and --guard-ns are for 802.11ac and 802.11ax\n");
    return 2;
  }
  if (o.width != 0 && o.width != 20 && o.width != 40 && o.width != 80 && o.width != 160) {
    std::fprintf(stderr, "wifi_cell: --width must be 20, 40, 80 or 160\n");
    return 2;
  }
  if (o.guard_ns != 0 && !(o.standard == "802.11ac" && (o.guard_ns == 400 || o.guard_ns == 800)) &&
      !(o.standard == "802.11ax" &&
        (o.guard_ns == 800 || o.guard_ns == 1600 || o.guard_ns == 3200))) {
    std::fprintf(stderr, "wifi_cell: --guard-ns must be 400 or 800 (802.11ac), 800, 1600 or "
                         "3200 (802.11ax)\n");
    return 2;
  }
  if (o.phy != "yans" && o.phy != "spectrum") {
    std::fprintf(stderr, "wifi_cell: --phy must be yans or spectrum\n");
    return 2;
  }
  if (o.ofdma && (o.standard != "802.11ax" || o.phy != "spectrum")) {
    std::fprintf(stderr, "wifi_cell: --ofdma needs --standard=802.11ax and --phy=spectrum\n");
    return 2;
  }
  if (o.rate_control != "constant" && o.rate_control != "ideal") {
    std::fprintf(stderr, "wifi_cell: --rate-control must be constant or ideal\n");
    return 2;
  }
  if (o.stations == 0) {
    std::fprintf(stderr, "wifi_cell: --stations must be at least 1\n");
    return 2;
  }
  RngSeedManager::SetRun(o.seed);
  // Full-size segments (ns-3's default is 536 bytes) and buffers that never limit a cell.
  Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
  Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(1 << 22));
  Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(1 << 22));

  // With ideal rate control --rates is not read: every station starts at ns-3's default rate.
  const bool ideal = o.rate_control == "ideal";
  const std::vector<std::string> rates =
      ideal ? std::vector<std::string>(o.stations, "ideal") : split(o.rates);
  for (const std::string& r : rates)
    if (!ideal && mode_name(o, r).empty()) {
      if (very_high_throughput(o))
        std::fprintf(stderr,
                     "wifi_cell: --rates: %s Mbit/s is not a %s rate of one stream at %u MHz "
                     "and %u ns\n",
                     r.c_str(), o.standard.c_str(), cell_width(o), cell_guard_ns(o));
      else
        std::fprintf(stderr, "wifi_cell: --rates: %s Mbit/s is not a %s rate\n", r.c_str(),
                     o.standard.c_str());
      return 2;
    }
  const auto n = static_cast<uint32_t>(rates.size());
  NodeContainer stations, ap, server;
  stations.Create(n);
  ap.Create(1);
  server.Create(1);

  const auto [sta_devices, ap_device] = install_wifi(o, rates, stations, ap.Get(0));
  RateCounter sent(o, n);
  for (uint32_t i = 0; i < n; ++i)
    sent.watch(i, DynamicCast<WifiNetDevice>(sta_devices.Get(i))->GetPhy());
  PpduCounter ppdus(o);
  if (!o.ppdus.empty()) {
    const auto device = [](Ptr<NetDevice> d) { return DynamicCast<WifiNetDevice>(d); };
    ppdus.watch("ap", device(ap_device.Get(0))->GetPhy());
    ppdus.watch("ap", device(ap_device.Get(0))->GetMac());
    for (uint32_t i = 0; i < n; ++i) {
      ppdus.watch("sta", device(sta_devices.Get(i))->GetPhy());
      ppdus.watch("sta", device(sta_devices.Get(i))->GetMac());
    }
  }

  std::unique_ptr<PpduLog> ppdu_log;
  if (!o.ppdu_log.empty()) {
    ppdu_log = std::make_unique<PpduLog>(o, o.ppdu_log);
    ppdu_log->watch("ap", DynamicCast<WifiNetDevice>(ap_device.Get(0))->GetPhy());
    for (uint32_t i = 0; i < n; ++i)
      ppdu_log->watch("sta" + std::to_string(i),
                      DynamicCast<WifiNetDevice>(sta_devices.Get(i))->GetPhy());
  }

  MobilityHelper mobility;
  Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
  positions->Add(Vector(0, 0, 0));
  for (uint32_t i = 0; i < n; ++i) {
    const double angle = 2 * M_PI * i / n;
    positions->Add(Vector(o.distance_m * std::cos(angle), o.distance_m * std::sin(angle), 0));
  }
  mobility.SetPositionAllocator(positions);
  mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
  mobility.Install(ap);
  mobility.Install(stations);

  PointToPointHelper wire;
  wire.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
  wire.SetChannelAttribute("Delay", TimeValue(MicroSeconds(o.wired_delay_ms * 1000)));
  NetDeviceContainer wired = wire.Install(ap.Get(0), server.Get(0));

  InternetStackHelper stack;
  stack.Install(stations);
  stack.Install(ap);
  stack.Install(server);
  Ipv4AddressHelper address;
  address.SetBase("10.1.1.0", "255.255.255.0");
  address.Assign(ap_device);   // 10.1.1.1
  address.Assign(sta_devices); // 10.1.1.2, .3, ...
  address.SetBase("10.2.1.0", "255.255.255.0");
  const Ipv4InterfaceContainer server_if = address.Assign(wired);
  // A SpectrumWifiPhy joins its channel only when the simulation starts, and global routing
  // learns the Wi-Fi subnet from the channel: with --phy=spectrum (or --connect-s) the routes
  // are computed at time 0, once every device is up, and the stations connect at --connect-s.
  const bool late_routes = o.phy == "spectrum" || o.connect_s > 0;
  if (!late_routes) Ipv4GlobalRoutingHelper::PopulateRoutingTables();

  std::ofstream file;
  if (o.out != "-") file.open(o.out);
  std::ostream& csv = o.out == "-" ? std::cout : file;
  csv << "station,queued_s,start_s,uploaded_s,replied_s\n";

  std::vector<Station*> actors;
  Server srv(o, actors);
  const uint16_t port = 5000;
  srv.listen(server.Get(0), port);
  const Address to(InetSocketAddress(server_if.GetAddress(1), port));
  std::vector<Ptr<Socket>> sockets;
  for (uint32_t i = 0; i < n; ++i) {
    Ptr<Socket> s = Socket::CreateSocket(stations.Get(i), TcpSocketFactory::GetTypeId());
    if (!late_routes) s->Connect(to);
    sockets.push_back(s);
    actors.push_back(new Station(static_cast<int>(i), o, s, csv));
    // Connections open one after another before the first message.
    Simulator::Schedule(Seconds(o.connect_s) + MilliSeconds(100 + 10 * i), &Station::start,
                        actors.back());
  }
  if (late_routes) {
    Simulator::Schedule(Seconds(0), [] { Ipv4GlobalRoutingHelper::PopulateRoutingTables(); });
    // One station every 10 ms, each in its node's context.
    for (uint32_t i = 0; i < n; ++i)
      Simulator::ScheduleWithContext(stations.Get(i)->GetId(),
                                     Seconds(o.connect_s) + MilliSeconds(10 * i),
                                     [s = sockets[i], to] { s->Connect(to); });
  }
  // Goodput: the bytes each station delivers between --warmup and the end.
  std::vector<uint64_t> at_warmup(n, 0);
  Simulator::Schedule(Seconds(o.warmup), [&] {
    for (uint32_t i = 0; i < n; ++i)
      at_warmup[i] = srv.delivered(static_cast<int>(i));
  });
  std::vector<uint64_t> at_end(n, 0);
  Simulator::Schedule(Seconds(o.seconds) - NanoSeconds(1), [&] {
    for (uint32_t i = 0; i < n; ++i)
      at_end[i] = srv.delivered(static_cast<int>(i));
  });
  Simulator::Stop(Seconds(o.seconds));
  Simulator::Run();
  if (!o.goodput.empty()) {
    std::ofstream g(o.goodput);
    // rates_used: what the station's data MPDUs went at after --warmup, "RATE:SHARE ...".
    g << "station,rate,bytes,seconds,mpdus,retries,rates_used\n";
    for (uint32_t i = 0; i < n; ++i)
      g << i << ',' << rates[i] << ',' << at_end[i] - at_warmup[i] << ',' << o.seconds - o.warmup
        << ',' << sent.mpdus(i) << ',' << sent.retries(i) << ",\"" << sent.shares(i) << "\"\n";
  }
  if (!o.ppdus.empty()) ppdus.write(o.ppdus);
  Simulator::Destroy();
  for (Station* st : actors)
    delete st;
  return 0;
}

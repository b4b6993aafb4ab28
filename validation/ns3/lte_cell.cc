// The ns-3 reference for muxsim's LTE uplink (issue "A cellular uplink";
// docs/notes/ns3-lte-reference.md): one eNodeB of ns-3 3.37's LTE module (LENA) with an EPC
// (PointToPointEpcHelper), N UEs at the given distances, each uploading without pause to a
// remote host behind the PGW. LENA's defaults are kept (Friis loss at the carrier, open-loop
// uplink power control, noise figures, PfFfMacScheduler, ideal RRC, RLC UM); the only
// attributes set are the ones named by the options below. One CSV row per UE: the application
// goodput at the remote host over the measuring window, and what explains it (the UE's uplink
// grants, their RBs, MCS and transport-block size, the SRS SINR the scheduler saw, the PUSCH
// power, failed TBs, SDUs the UE's RLC dropped).
//
// Probe mode (--probe-interval-ms > 0) measures instead how long an idle UE takes to get data
// through: each UE sends --probe-bytes every --probe-interval-ms (as back-to-back UDP datagrams
// of at most --payload bytes, each starting with a SeqTsHeader, or as one fresh TCP connection
// with --transport=tcp), far enough apart that its RLC buffer is empty when the next probe
// comes. Per datagram it records the app send time, when the eNB handed the IP packet to the
// S1-U (EpcEnbApplication RxFromEnb) and when the remote host received it; per probe, the first
// UL grant the UE got after sending (its MCS, TB size, RBs). --out then gets one summary row
// per UE (mean, min, max, p95 of the delays), --packets-csv and --probes-csv the details.
//
// Built against Debian's libns3-dev (3.37) by validation/ns3/CMakeLists.txt; optional.
#include <ns3/applications-module.h>
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/lte-module.h>
#include <ns3/mobility-module.h>
#include <ns3/network-module.h>
#include <ns3/point-to-point-module.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace {

struct Options {
  std::string distances = "100"; // metres, one UE per entry
  uint32_t rbs = 25;             // UL and DL bandwidth in RBs
  std::string scheduler;         // empty: LENA's default (PfFfMacScheduler)
  std::string transport = "udp"; // udp (the reference) or tcp (BulkSend)
  uint32_t payload = 1024;       // UDP datagram payload / TCP send size, bytes
  double rate_mbps = 0;          // UDP offered load per UE; 0: see offered_mbps()
  uint32_t rlc_buffer = 0;       // LteRlcUm::MaxTxBufferSize; 0: LENA's 10 KiB
  uint32_t tcp_mss = 0;          // TcpSocket::SegmentSize; 0: ns-3's 536
  double start = 0.1;            // when the uploads start
  double warmup = 1;             // measuring starts here...
  double seconds = 6;            // ...and ends here, when the simulation stops
  uint32_t seed = 1;
  std::string out = "-";
  // Probe mode (off while probe_interval_ms is 0).
  double probe_interval_ms = 0; // time between one UE's probes
  uint32_t probe_bytes = 1024;  // application bytes per probe
  double probe_offset_ms = -1;  // UE i starts i * this later; < 0: interval / N (all apart)
  double probe_start = 1;       // first probe of UE 0, seconds
  uint32_t probe_count = 0;     // probes per UE; 0: as many as end one interval before --seconds
  std::string packets_csv;      // one row per UDP datagram (empty: none)
  std::string probes_csv;       // one row per probe (empty: none)
};

// TBS of TS 36.213 Table 7.1.7.2.1-1 at ITBS 26 (MCS 28, LENA's best uplink MCS) for a
// whole carrier: a lone UE's most, in bits per 1 ms TTI (lte-amc.cc's table).
double peak_bits_per_tti(uint32_t rbs) {
  const std::map<uint32_t, double> peak{{6, 4392},   {15, 11064}, {25, 18336},
                                        {50, 36696}, {75, 55056}, {100, 75376}};
  const auto it = peak.find(rbs);
  return it == peak.end() ? 0 : it->second;
}

// Each UE must always have data when a grant comes, whatever its share. A UE gets at most
// the whole carrier when alone, and at most about 1/min(N, RBs/3) of it otherwise
// (PfFfMacScheduler gives equal blocks of at least 3 RBs); offer 1.5 times that. The excess
// is dropped by the UE's RLC (counted in rlc_drops), which is what full buffer means here.
double offered_mbps(const Options& o, uint32_t n) {
  if (o.rate_mbps > 0) return o.rate_mbps;
  const uint32_t served = std::max<uint32_t>(1, std::min(n, o.rbs / 3));
  return 1.5 * peak_bits_per_tti(o.rbs) * 1000 / served / 1e6;
}

std::vector<double> parse_distances(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    char* end = nullptr;
    const double d = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(d > 0)) {
      std::cerr << "lte_cell: bad distance '" << item << "'\n";
      std::exit(2);
    }
    out.push_back(d);
  }
  return out;
}

// What one UE did inside the measuring window.
struct UeStats {
  double distance = 0;
  uint64_t rx_at_warmup = 0, rx_at_end = 0;
  uint64_t grants = 0, new_grants = 0, rbs = 0, tb_bytes = 0, mcs_sum = 0;
  uint64_t tbs_ok = 0, tbs_failed = 0, tb_bytes_ok = 0;
  uint64_t srs_reports = 0;
  double srs_db_sum = 0;
  uint64_t dl_reports = 0;
  double dl_db_sum = 0;
  uint64_t pusch_reports = 0;
  double pusch_dbm_sum = 0;
  uint64_t rlc_drops = 0;
  bool rlc_traced = false;
  double connected_s = -1; // first RRC connection
  uint32_t connections = 0, rlfs = 0;
};

bool g_measuring = false;
std::vector<UeStats> g_ue;
std::map<uint16_t, uint32_t> g_ue_of_rnti; // the eNB's traces name UEs by RNTI only

// --- Probe mode -------------------------------------------------------------------------------

constexpr uint32_t kSeqPerProbe = 4096; // SeqTsHeader seq = probe * kSeqPerProbe + datagram
constexpr uint16_t kProbePort = 10000;  // UE i sends to port 10000 + i (TCP: 20000 + 1000 i + k)

struct Datagram {
  uint32_t bytes = 0; // UDP payload, SeqTsHeader included
  uint32_t ip_bytes = 0;
  double enb_s = -1;    // the eNB handed it to the S1-U (EpcEnbApplication RxFromEnb)
  double rx_s = -1;     // the remote host received it
  double stamp_s = -1;  // the send time its SeqTsHeader carried
  bool dropped = false; // by the UE's RLC UM (buffer full)
};

struct Probe {
  uint32_t bytes = 0;
  double sent_s = -1;        // UDP: the datagrams were handed to the socket; TCP: Connect
  bool idle_before = false;  // all of the UE's previous probe had left the UE (reached the eNB,
                             // TCP: the remote host) when this one was sent
  bool connected = false;    // the UE was RRC-connected when it was sent (if not, its NAS
                             // discards the packets)
  double first_grant_s = -1; // the UE received its first new-data UL DCI after sent_s
  int first_mcs = -1;
  uint32_t first_tb = 0, first_rbs = 0;
  uint32_t grants = 0, retx_grants = 0; // UL DCIs while the probe was open (NDI 1 / NDI 0)
  uint64_t grant_bytes = 0;
  uint32_t rlc_drops = 0;
  std::vector<Datagram> datagrams; // UDP
  uint32_t sent_count = 0, at_enb = 0, received = 0;
  double first_data_s = -1; // TCP: BulkSend's first segment to the socket (handshake done)
  uint64_t rx_bytes = 0;
  double rx_last_s = -1; // the last byte reached the remote host
  bool complete() const {
    return datagrams.empty() ? rx_bytes >= bytes : received == datagrams.size();
  }
};

struct ProbeUe {
  std::vector<Probe> probes;
  int open = -1;            // the probe whose data has not all left the UE yet
  uint32_t idle_grants = 0; // new-data UL DCIs while no probe was open
  uint32_t last_rbs = 0;    // RBs of the UL DCI being reported (its trace fires first)
  Ptr<Socket> socket;       // UDP
  bool drops_traced = false;
};

bool g_probe_mode = false;
std::vector<ProbeUe> g_probe_ue;

void probe_maybe_close(uint32_t ue, uint32_t k) {
  ProbeUe& u = g_probe_ue[ue];
  const Probe& pr = u.probes[k];
  if (u.open != static_cast<int>(k)) return;
  const bool done = pr.datagrams.empty() ? pr.rx_bytes >= pr.bytes
                                         : pr.sent_count == pr.datagrams.size() &&
                                               pr.at_enb + pr.rlc_drops >= pr.datagrams.size();
  if (done || !pr.connected) u.open = -1;
}

void probe_on_ul_dci(uint32_t ue, const PhyTransmissionStatParameters& p) {
  if (!g_probe_mode) return;
  ProbeUe& u = g_probe_ue[ue];
  if (u.open < 0) {
    if (p.m_ndi == 1) ++u.idle_grants;
    return;
  }
  Probe& pr = u.probes[u.open];
  if (p.m_ndi != 1) {
    ++pr.retx_grants;
    return;
  }
  if (pr.first_grant_s < 0) {
    pr.first_grant_s = Simulator::Now().GetSeconds();
    pr.first_mcs = p.m_mcs;
    pr.first_tb = p.m_size;
    pr.first_rbs = u.last_rbs;
  }
  ++pr.grants;
  pr.grant_bytes += p.m_size;
}

// Finds the probe datagram a UDP packet (starting at its UDP header) belongs to.
Datagram* probe_datagram(Ptr<Packet> p, uint32_t* ue_out, uint32_t* k_out) {
  UdpHeader udp;
  p->RemoveHeader(udp);
  const uint16_t port = udp.GetDestinationPort();
  if (port < kProbePort || port >= kProbePort + g_probe_ue.size()) return nullptr;
  SeqTsHeader h;
  p->RemoveHeader(h);
  const uint32_t ue = port - kProbePort, k = h.GetSeq() / kSeqPerProbe,
                 d = h.GetSeq() % kSeqPerProbe;
  if (k >= g_probe_ue[ue].probes.size() || d >= g_probe_ue[ue].probes[k].datagrams.size())
    return nullptr;
  *ue_out = ue;
  *k_out = k;
  Datagram* dg = &g_probe_ue[ue].probes[k].datagrams[d];
  dg->stamp_s = h.GetTs().GetSeconds();
  return dg;
}

// The eNB's EPC application got an IP packet from the radio (UE PDCP -> eNB PDCP done).
void probe_on_enb_rx(Ptr<Packet> packet) {
  Ptr<Packet> p = packet->Copy();
  Ipv4Header ip;
  p->RemoveHeader(ip);
  if (ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER) return;
  uint32_t ue = 0, k = 0;
  Datagram* dg = probe_datagram(p, &ue, &k);
  if (dg == nullptr || dg->enb_s >= 0) return;
  dg->enb_s = Simulator::Now().GetSeconds();
  ++g_probe_ue[ue].probes[k].at_enb;
  probe_maybe_close(ue, k);
}

// The UE's RLC UM dropped a PDCP PDU (buffer full): which datagram was it?
void probe_on_rlc_drop(uint32_t ue, Ptr<const Packet> packet) {
  ProbeUe& u = g_probe_ue[ue];
  Ptr<Packet> p = packet->Copy();
  LtePdcpHeader pdcp;
  p->RemoveHeader(pdcp);
  Ipv4Header ip;
  p->RemoveHeader(ip);
  uint32_t dg_ue = 0, k = 0;
  Datagram* dg =
      ip.GetProtocol() == UdpL4Protocol::PROT_NUMBER ? probe_datagram(p, &dg_ue, &k) : nullptr;
  if (dg != nullptr) {
    dg->dropped = true;
    ++u.probes[k].rlc_drops;
    probe_maybe_close(dg_ue, k);
  } else if (u.open >= 0) {
    ++u.probes[u.open].rlc_drops; // TCP
  }
}

void probe_trace_drops(uint32_t ue, uint32_t node_id) {
  ProbeUe& u = g_probe_ue[ue];
  if (u.drops_traced) return;
  std::ostringstream path;
  path << "/NodeList/" << node_id << "/DeviceList/*/LteUeRrc/DataRadioBearerMap/*/LteRlc/TxDrop";
  u.drops_traced =
      Config::ConnectWithoutContextFailSafe(path.str(), MakeBoundCallback(&probe_on_rlc_drop, ue));
}

void probe_open(uint32_t ue, uint32_t k, uint32_t node_id) {
  probe_trace_drops(ue, node_id);
  ProbeUe& u = g_probe_ue[ue];
  Probe& pr = u.probes[k];
  pr.idle_before = u.open < 0;
  pr.connected = g_ue[ue].connected_s >= 0;
  pr.sent_s = Simulator::Now().GetSeconds();
  u.open = static_cast<int>(k);
}

// UDP: the whole probe handed to the socket at once, as back-to-back datagrams.
void probe_send_udp(uint32_t ue, uint32_t k, uint32_t node_id) {
  probe_open(ue, k, node_id);
  ProbeUe& u = g_probe_ue[ue];
  Probe& pr = u.probes[k];
  for (uint32_t d = 0; d < pr.datagrams.size(); ++d) {
    SeqTsHeader h; // stamps Simulator::Now()
    h.SetSeq(k * kSeqPerProbe + d);
    Ptr<Packet> p = Create<Packet>(pr.datagrams[d].bytes - h.GetSerializedSize());
    p->AddHeader(h);
    ++pr.sent_count;
    if (u.socket->Send(p) < 0) std::cerr << "lte_cell: UE " << ue << " could not send probe\n";
  }
  probe_maybe_close(ue, k);
}

void probe_on_remote_rx(uint32_t ue, Ptr<Socket> socket) {
  Address from;
  while (Ptr<Packet> p = socket->RecvFrom(from)) {
    SeqTsHeader h;
    p->RemoveHeader(h);
    const uint32_t k = h.GetSeq() / kSeqPerProbe, d = h.GetSeq() % kSeqPerProbe;
    ProbeUe& u = g_probe_ue[ue];
    if (k >= u.probes.size() || d >= u.probes[k].datagrams.size()) continue;
    Probe& pr = u.probes[k];
    Datagram& dg = pr.datagrams[d];
    if (dg.rx_s >= 0) continue;
    dg.rx_s = Simulator::Now().GetSeconds();
    dg.stamp_s = h.GetTs().GetSeconds();
    ++pr.received;
    pr.rx_bytes += dg.bytes;
    pr.rx_last_s = std::max(pr.rx_last_s, dg.rx_s);
  }
}

void probe_on_tcp_tx(uint32_t ue, uint32_t k, Ptr<const Packet>) {
  Probe& pr = g_probe_ue[ue].probes[k];
  if (pr.first_data_s < 0) pr.first_data_s = Simulator::Now().GetSeconds();
}

void probe_on_tcp_rx(uint32_t ue, uint32_t k, Ptr<const Packet> p, const Address&) {
  Probe& pr = g_probe_ue[ue].probes[k];
  pr.rx_bytes += p->GetSize();
  if (pr.rx_bytes >= pr.bytes && pr.rx_last_s < 0) {
    pr.rx_last_s = Simulator::Now().GetSeconds();
    probe_maybe_close(ue, k);
  }
}

UeStats* by_rnti(uint16_t rnti) {
  const auto it = g_ue_of_rnti.find(rnti);
  return it == g_ue_of_rnti.end() ? nullptr : &g_ue[it->second];
}

void on_connected(uint32_t ue, uint64_t, uint16_t, uint16_t rnti) {
  g_ue_of_rnti[rnti] = ue;
  if (g_ue[ue].connected_s < 0) g_ue[ue].connected_s = Simulator::Now().GetSeconds();
  ++g_ue[ue].connections;
}
void on_rlf(uint32_t ue, uint64_t, uint16_t, uint16_t) {
  ++g_ue[ue].rlfs;
  std::cerr << "lte_cell: UE " << ue << " radio link failure at " << Simulator::Now().GetSeconds()
            << " s\n";
}
// The UE's view of each UL DCI: one per TTI in which it may send (new data or a HARQ
// retransmission), its MCS and TB size. Fires 4 TTIs before the PUSCH goes out.
void on_ul_dci(uint32_t ue, PhyTransmissionStatParameters p) {
  probe_on_ul_dci(ue, p);
  if (!g_measuring) return;
  UeStats& s = g_ue[ue];
  ++s.grants;
  if (p.m_ndi == 1) {
    ++s.new_grants;
    s.tb_bytes += p.m_size;
    s.mcs_sum += p.m_mcs;
  }
}
void on_ul_rbs(uint32_t ue, uint16_t, const std::vector<int>& rbs) {
  if (g_probe_mode) g_probe_ue[ue].last_rbs = static_cast<uint32_t>(rbs.size());
  if (g_measuring) g_ue[ue].rbs += rbs.size();
}
// The downlink wideband SINR (linear) the UE measures: it decides whether DCIs get through.
void on_dl_sinr(uint32_t ue, uint16_t, uint16_t, double, double sinr, uint8_t) {
  if (!g_measuring || !(sinr > 0)) return;
  ++g_ue[ue].dl_reports;
  g_ue[ue].dl_db_sum += 10 * std::log10(sinr);
}
void on_pusch_power(uint32_t ue, uint16_t, uint16_t, double dbm) {
  if (!g_measuring) return;
  ++g_ue[ue].pusch_reports;
  g_ue[ue].pusch_dbm_sum += dbm;
}
void on_rlc_drop(uint32_t ue, Ptr<const Packet>) {
  if (g_measuring) ++g_ue[ue].rlc_drops;
}
// The eNB's decoding of each PUSCH TB (LteMiErrorModel): failures mean HARQ retransmissions.
void on_ul_rx(PhyReceptionStatParameters p) {
  UeStats* s = by_rnti(p.m_rnti);
  if (!g_measuring || s == nullptr) return;
  if (p.m_correctness == 1) {
    ++s->tbs_ok;
    s->tb_bytes_ok += p.m_size;
  } else {
    ++s->tbs_failed;
  }
}
// The SRS SINR (linear mean over the band) that PfFfMacScheduler picks the MCS from.
void on_srs_sinr(uint16_t, uint16_t rnti, double sinr, uint8_t) {
  UeStats* s = by_rnti(rnti);
  if (!g_measuring || s == nullptr || !(sinr > 0)) return;
  ++s->srs_reports;
  s->srs_db_sum += 10 * std::log10(sinr);
}

std::string fmt(double x, int decimals) {
  if (!std::isfinite(x)) return "";
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(decimals);
  o << x;
  return o.str();
}

struct Stat {
  double mean = std::numeric_limits<double>::quiet_NaN(), min = mean, max = mean, p95 = mean;
};
// Mean, min, max and the 95th percentile (nearest rank) of x.
Stat stat(std::vector<double> x) {
  Stat s;
  if (x.empty()) return s;
  std::sort(x.begin(), x.end());
  double sum = 0;
  for (double v : x)
    sum += v;
  s.mean = sum / x.size();
  s.min = x.front();
  s.max = x.back();
  s.p95 = x[static_cast<size_t>(std::ceil(0.95 * x.size())) - 1];
  return s;
}

// What the wired side adds to an uplink IP packet of ip_bytes between the eNB and the remote
// host, none of it LTE: GTP-U/UDP/IPv4 over S1-U (eNB -> SGW) and S5 (SGW -> PGW), both
// point-to-point links with a 2-byte PPP header at the EPC helper's rates and delays, then the
// packet itself over the 100 Gbit/s, 1 ms link to the remote host.
double wired_fixed_s(Ptr<PointToPointEpcHelper> epc, uint32_t ip_bytes) {
  DataRateValue s1u_rate, s5_rate;
  TimeValue s1u_delay, s5_delay;
  epc->GetAttribute("S1uLinkDataRate", s1u_rate);
  epc->GetAttribute("S1uLinkDelay", s1u_delay);
  epc->GetAttribute("S5LinkDataRate", s5_rate);
  epc->GetAttribute("S5LinkDelay", s5_delay);
  const uint32_t ppp = PppHeader().GetSerializedSize();
  const uint32_t tunnelled = ip_bytes + GtpuHeader().GetSerializedSize() +
                             UdpHeader().GetSerializedSize() + Ipv4Header().GetSerializedSize() +
                             ppp;
  return s1u_rate.Get().CalculateBytesTxTime(tunnelled).GetSeconds() +
         s1u_delay.Get().GetSeconds() + s5_rate.Get().CalculateBytesTxTime(tunnelled).GetSeconds() +
         s5_delay.Get().GetSeconds() +
         DataRate("100Gb/s").CalculateBytesTxTime(ip_bytes + ppp).GetSeconds() + 1e-3;
}

// Probe mode: sets up the probes, runs, writes the CSVs. The network is built by main().
int run_probes(const Options& o, const std::vector<double>& distances, NodeContainer& ue_nodes,
               Ptr<Node> remote, Ipv4Address remote_address, Ptr<Node> enb,
               Ptr<PointToPointEpcHelper> epc) {
  const auto n = static_cast<uint32_t>(distances.size());
  const bool tcp = o.transport == "tcp";
  const double interval = o.probe_interval_ms / 1e3;
  const double offset = o.probe_offset_ms >= 0 ? o.probe_offset_ms / 1e3 : interval / n;
  g_probe_ue.resize(n);

  for (uint32_t a = 0; a < enb->GetNApplications(); ++a)
    if (Ptr<EpcEnbApplication> app = DynamicCast<EpcEnbApplication>(enb->GetApplication(a)))
      app->TraceConnectWithoutContext("RxFromEnb", MakeCallback(&probe_on_enb_rx));

  // Probe k of UE i leaves at start + i offset + k interval + a fraction of a TTI that moves
  // by the golden ratio from probe to probe, so the probes sample every phase of the 1 ms
  // subframe evenly.
  const double phi = (std::sqrt(5.0) - 1) / 2;
  for (uint32_t i = 0; i < n; ++i) {
    ProbeUe& u = g_probe_ue[i];
    const uint32_t node_id = ue_nodes.Get(i)->GetId();
    if (!tcp) {
      Ptr<Socket> sink = Socket::CreateSocket(remote, UdpSocketFactory::GetTypeId());
      sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), kProbePort + i));
      sink->SetRecvCallback(MakeBoundCallback(&probe_on_remote_rx, i));
      u.socket = Socket::CreateSocket(ue_nodes.Get(i), UdpSocketFactory::GetTypeId());
      u.socket->Bind();
      u.socket->Connect(InetSocketAddress(remote_address, kProbePort + i));
    }
    for (uint32_t k = 0;; ++k) {
      double frac = std::fmod((k * n + i) * phi, 1.0);
      const double t = o.probe_start + i * offset + k * interval + frac * 1e-3;
      if (o.probe_count > 0 ? k >= o.probe_count : t + interval > o.seconds) break;
      if (tcp && k >= 1000) break;
      Probe pr;
      pr.bytes = o.probe_bytes;
      if (!tcp) {
        for (uint32_t left = o.probe_bytes; left > 0;) {
          Datagram dg;
          dg.bytes = std::min(left, o.payload);
          dg.ip_bytes =
              dg.bytes + UdpHeader().GetSerializedSize() + Ipv4Header().GetSerializedSize();
          left -= dg.bytes;
          pr.datagrams.push_back(dg);
        }
        Simulator::Schedule(Seconds(t), &probe_send_udp, i, k, node_id);
      } else {
        const uint16_t port = static_cast<uint16_t>(20000 + 1000 * i + k);
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), port));
        ApplicationContainer s = sink.Install(remote);
        s.Start(Seconds(0));
        s.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&probe_on_tcp_rx, i, k));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(remote_address, port));
        bulk.SetAttribute("MaxBytes", UintegerValue(o.probe_bytes));
        bulk.SetAttribute("SendSize", UintegerValue(o.payload));
        ApplicationContainer b = bulk.Install(ue_nodes.Get(i));
        b.Start(Seconds(t));
        b.Get(0)->TraceConnectWithoutContext("Tx", MakeBoundCallback(&probe_on_tcp_tx, i, k));
        Simulator::Schedule(Seconds(t), &probe_open, i, k, node_id); // before BulkSend's Connect
      }
      u.probes.push_back(pr);
    }
  }

  Simulator::Stop(Seconds(o.seconds));
  Simulator::Run();

  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto ms = [nan](double later, double earlier) {
    return later >= 0 && earlier >= 0 ? (later - earlier) * 1e3 : nan;
  };
  if (!o.packets_csv.empty() && !tcp) {
    std::ofstream f(o.packets_csv);
    f << "ue,distance_m,probe,datagram,bytes,sent_s,dropped,enb_ms,raw_ms,fixed_ms,net_ms\n";
    for (uint32_t i = 0; i < n; ++i)
      for (uint32_t k = 0; k < g_probe_ue[i].probes.size(); ++k) {
        const Probe& pr = g_probe_ue[i].probes[k];
        for (uint32_t d = 0; d < pr.datagrams.size(); ++d) {
          const Datagram& dg = pr.datagrams[d];
          const double fixed = wired_fixed_s(epc, dg.ip_bytes) * 1e3;
          const double raw = ms(dg.rx_s, dg.stamp_s);
          f << i << ',' << fmt(distances[i], 1) << ',' << k << ',' << d << ',' << dg.bytes << ','
            << fmt(pr.sent_s, 7) << ',' << dg.dropped << ',' << fmt(ms(dg.enb_s, pr.sent_s), 6)
            << ',' << fmt(raw, 6) << ',' << fmt(fixed, 6) << ',' << fmt(raw - fixed, 6) << '\n';
        }
      }
  }
  if (!o.probes_csv.empty()) {
    std::ofstream f(o.probes_csv);
    f << "ue,distance_m,probe,bytes,datagrams,sent_s,connected,idle_before,first_grant_ms,first_"
         "mcs,"
         "first_tb_bytes,first_rbs,grants,retx_grants,grant_bytes,rlc_drops,received,"
         "first_data_ms,enb_last_ms,raw_ms,fixed_ms,net_ms\n";
    for (uint32_t i = 0; i < n; ++i)
      for (uint32_t k = 0; k < g_probe_ue[i].probes.size(); ++k) {
        const Probe& pr = g_probe_ue[i].probes[k];
        double enb_last = -1;
        for (const Datagram& dg : pr.datagrams)
          enb_last = std::max(enb_last, dg.enb_s);
        const double raw = pr.complete() ? ms(pr.rx_last_s, pr.sent_s) : nan;
        const double fixed = tcp ? nan : wired_fixed_s(epc, pr.datagrams.back().ip_bytes) * 1e3;
        f << i << ',' << fmt(distances[i], 1) << ',' << k << ',' << pr.bytes << ','
          << pr.datagrams.size() << ',' << fmt(pr.sent_s, 7) << ',' << pr.connected << ','
          << pr.idle_before << ',' << fmt(ms(pr.first_grant_s, pr.sent_s), 6) << ','
          << (pr.first_mcs >= 0 ? std::to_string(pr.first_mcs) : std::string()) << ','
          << pr.first_tb << ',' << pr.first_rbs << ',' << pr.grants << ',' << pr.retx_grants << ','
          << pr.grant_bytes << ',' << pr.rlc_drops << ',' << (tcp ? pr.rx_bytes : pr.received)
          << ',' << fmt(ms(pr.first_data_s, pr.sent_s), 6) << ','
          << fmt(pr.complete() ? ms(enb_last, pr.sent_s) : nan, 6) << ',' << fmt(raw, 6) << ','
          << fmt(fixed, 6) << ',' << fmt(raw - fixed, 6) << '\n';
      }
  }

  std::ofstream file;
  if (o.out != "-") file.open(o.out);
  std::ostream& csv = o.out == "-" ? std::cout : file;
  csv << "ue,distance_m,rbs,n_ues,transport,probe_bytes,datagrams,probes,complete,idle_before,"
         "rlc_drops,fixed_ms,raw_mean_ms,raw_min_ms,raw_max_ms,raw_p95_ms,net_mean_ms,net_min_ms,"
         "net_max_ms,net_p95_ms,enb_mean_ms,first_grant_mean_ms,first_grant_min_ms,"
         "first_grant_max_ms,first_mcs_min,first_mcs_max,first_tb_bytes_mean,grants_mean,"
         "retx_grants,idle_grants,first_data_mean_ms\n";
  for (uint32_t i = 0; i < n; ++i) {
    const ProbeUe& u = g_probe_ue[i];
    std::vector<double> raw, net, enb, grant, first_data, tb;
    uint32_t complete = 0, idle = 0, drops = 0, retx = 0, grants = 0;
    int mcs_min = 99, mcs_max = -1;
    double fixed = nan;
    for (const Probe& pr : u.probes) {
      idle += pr.idle_before;
      drops += pr.rlc_drops;
      retx += pr.retx_grants;
      if (!pr.complete()) continue;
      ++complete;
      grants += pr.grants;
      raw.push_back(ms(pr.rx_last_s, pr.sent_s));
      if (!tcp) {
        fixed = wired_fixed_s(epc, pr.datagrams.back().ip_bytes) * 1e3;
        net.push_back(raw.back() - fixed);
        double enb_last = -1;
        for (const Datagram& dg : pr.datagrams)
          enb_last = std::max(enb_last, dg.enb_s);
        enb.push_back(ms(enb_last, pr.sent_s));
      } else {
        first_data.push_back(ms(pr.first_data_s, pr.sent_s));
      }
      if (pr.first_mcs >= 0) {
        grant.push_back(ms(pr.first_grant_s, pr.sent_s));
        tb.push_back(pr.first_tb);
        mcs_min = std::min(mcs_min, pr.first_mcs);
        mcs_max = std::max(mcs_max, pr.first_mcs);
      }
    }
    const Stat r = stat(raw), nt = stat(net), g = stat(grant);
    csv << i << ',' << fmt(distances[i], 1) << ',' << o.rbs << ',' << n << ',' << o.transport << ','
        << o.probe_bytes << ','
        << (tcp ? std::string()
                : std::to_string(u.probes.empty() ? 0 : u.probes[0].datagrams.size()))
        << ',' << u.probes.size() << ',' << complete << ',' << idle << ',' << drops << ','
        << fmt(fixed, 6) << ',' << fmt(r.mean, 3) << ',' << fmt(r.min, 3) << ',' << fmt(r.max, 3)
        << ',' << fmt(r.p95, 3) << ',' << fmt(nt.mean, 3) << ',' << fmt(nt.min, 3) << ','
        << fmt(nt.max, 3) << ',' << fmt(nt.p95, 3) << ',' << fmt(stat(enb).mean, 3) << ','
        << fmt(g.mean, 3) << ',' << fmt(g.min, 3) << ',' << fmt(g.max, 3) << ','
        << (mcs_max >= 0 ? std::to_string(mcs_min) : std::string()) << ','
        << (mcs_max >= 0 ? std::to_string(mcs_max) : std::string()) << ',' << fmt(stat(tb).mean, 1)
        << ',' << fmt(complete ? double(grants) / complete : nan, 2) << ',' << retx << ','
        << u.idle_grants << ',' << fmt(stat(first_data).mean, 3) << '\n';
  }
  Simulator::Destroy();
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  CommandLine cmd(__FILE__);
  cmd.AddValue("distances",
               "UE distances from the eNodeB in metres, comma-separated; one UE "
               "each, placed at equal angles around it",
               o.distances);
  cmd.AddValue("rbs", "UL and DL bandwidth in RBs: 6, 15, 25, 50, 75 or 100", o.rbs);
  cmd.AddValue("scheduler",
               "MAC scheduler TypeId, e.g. ns3::RrFfMacScheduler (default: "
               "LENA's, ns3::PfFfMacScheduler)",
               o.scheduler);
  cmd.AddValue("transport", "udp (UdpClient at --rate-mbps) or tcp (BulkSend)", o.transport);
  cmd.AddValue("payload", "UDP payload / TCP send size in bytes", o.payload);
  cmd.AddValue("rate-mbps", "UDP offered load per UE (0: 1.5 x the most a UE can get)",
               o.rate_mbps);
  cmd.AddValue("rlc-buffer", "LteRlcUm::MaxTxBufferSize in bytes (0: LENA's 10240)", o.rlc_buffer);
  cmd.AddValue("tcp-mss", "TcpSocket::SegmentSize in bytes (0: ns-3's 536)", o.tcp_mss);
  cmd.AddValue("start", "when the uploads start, seconds", o.start);
  cmd.AddValue("warmup", "start of the measuring window, seconds", o.warmup);
  cmd.AddValue("seconds", "end of the measuring window and of the simulation, seconds", o.seconds);
  cmd.AddValue("seed", "RngRun", o.seed);
  cmd.AddValue("out", "CSV file, one row per UE (-: stdout)", o.out);
  cmd.AddValue("probe-interval-ms",
               "probe mode: each UE sends --probe-bytes this often (0: off, full-buffer uploads)",
               o.probe_interval_ms);
  cmd.AddValue("probe-bytes",
               "probe mode: application bytes per probe, sent at once as UDP datagrams of at "
               "most --payload bytes (or one TCP connection with --transport=tcp)",
               o.probe_bytes);
  cmd.AddValue("probe-offset-ms",
               "probe mode: UE i's probes start i times this later (default: interval / N)",
               o.probe_offset_ms);
  cmd.AddValue("probe-start", "probe mode: UE 0's first probe, seconds", o.probe_start);
  cmd.AddValue("probe-count",
               "probe mode: probes per UE (0: all that end one interval before --seconds)",
               o.probe_count);
  cmd.AddValue("packets-csv", "probe mode: CSV file, one row per UDP datagram", o.packets_csv);
  cmd.AddValue("probes-csv", "probe mode: CSV file, one row per probe", o.probes_csv);
  cmd.Parse(argc, argv);
  g_probe_mode = o.probe_interval_ms > 0;

  const std::vector<double> distances = parse_distances(o.distances);
  const auto n = static_cast<uint32_t>(distances.size());
  if (peak_bits_per_tti(o.rbs) == 0) {
    std::cerr << "lte_cell: --rbs must be 6, 15, 25, 50, 75 or 100\n";
    return 2;
  }
  if (o.transport != "udp" && o.transport != "tcp") {
    std::cerr << "lte_cell: --transport must be udp or tcp\n";
    return 2;
  }
  if (g_probe_mode) {
    const uint32_t last = o.probe_bytes % o.payload;
    if (o.payload < 12 || o.probe_bytes == 0 || (o.transport == "udp" && last > 0 && last < 12) ||
        (o.transport == "udp" && (o.probe_bytes + o.payload - 1) / o.payload > kSeqPerProbe) ||
        !(o.probe_start >= 0 && o.probe_start < o.seconds)) {
      std::cerr << "lte_cell: probe mode needs payload >= 12, probe-bytes > 0 split into "
                   "datagrams of at least 12 bytes, and 0 <= probe-start < seconds\n";
      return 2;
    }
  } else if (!(o.start >= 0 && o.start < o.warmup && o.warmup < o.seconds) || o.payload < 12) {
    std::cerr << "lte_cell: need 0 <= start < warmup < seconds and payload >= 12\n";
    return 2;
  }
  // LteEnbRrc allocates SRS configuration indices for at most 40 UEs at its default 40 ms
  // SRS periodicity; more is fatal inside ns-3, so refuse here with a clear message.
  if (n > 40) {
    std::cerr << "lte_cell: at most 40 UEs at LENA's default SRS periodicity\n";
    return 2;
  }
  RngSeedManager::SetRun(o.seed);
  if (o.rlc_buffer > 0)
    Config::SetDefault("ns3::LteRlcUm::MaxTxBufferSize", UintegerValue(o.rlc_buffer));
  if (o.tcp_mss > 0) Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(o.tcp_mss));

  Ptr<LteHelper> lte = CreateObject<LteHelper>();
  Ptr<PointToPointEpcHelper> epc = CreateObject<PointToPointEpcHelper>();
  lte->SetEpcHelper(epc);
  if (!o.scheduler.empty()) lte->SetSchedulerType(o.scheduler);
  lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(o.rbs));
  lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(o.rbs));

  // The remote host: 1 ms and 100 Gbit/s behind the PGW, so the wired side never limits or
  // queues.
  NodeContainer remote;
  remote.Create(1);
  InternetStackHelper internet;
  internet.Install(remote);
  PointToPointHelper wire;
  wire.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Gb/s")));
  wire.SetDeviceAttribute("Mtu", UintegerValue(1500));
  wire.SetChannelAttribute("Delay", TimeValue(MilliSeconds(1)));
  NetDeviceContainer wired = wire.Install(epc->GetPgwNode(), remote.Get(0));
  Ipv4AddressHelper wired_addresses("1.0.0.0", "255.0.0.0");
  const Ipv4Address remote_address = wired_addresses.Assign(wired).GetAddress(1);
  Ipv4StaticRoutingHelper routing;
  // The UEs' addresses (PointToPointEpcHelper's 7.0.0.0/8) are reached through the PGW.
  routing.GetStaticRouting(remote.Get(0)->GetObject<Ipv4>())
      ->AddNetworkRouteTo(Ipv4Address("7.0.0.0"), Ipv4Mask("255.0.0.0"), 1);

  NodeContainer enb_node, ue_nodes;
  enb_node.Create(1);
  ue_nodes.Create(n);
  // eNB and UEs all at height 0: the Friis distance is the ground distance. The angles only
  // keep UEs apart; with isotropic antennas, Friis and one cell they change nothing.
  Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
  positions->Add(Vector(0, 0, 0));
  g_ue.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const double angle = 2 * M_PI * i / n;
    positions->Add(Vector(distances[i] * std::cos(angle), distances[i] * std::sin(angle), 0));
    g_ue[i].distance = distances[i];
  }
  MobilityHelper mobility;
  mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
  mobility.SetPositionAllocator(positions);
  mobility.Install(enb_node);
  mobility.Install(ue_nodes);

  NetDeviceContainer enb_devs = lte->InstallEnbDevice(enb_node);
  NetDeviceContainer ue_devs = lte->InstallUeDevice(ue_nodes);
  internet.Install(ue_nodes);
  epc->AssignUeIpv4Address(ue_devs);
  for (uint32_t i = 0; i < n; ++i)
    routing.GetStaticRouting(ue_nodes.Get(i)->GetObject<Ipv4>())
        ->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
  // Attach at t = 0 to the one eNB; the default EPS bearer (RLC UM) carries the upload.
  lte->Attach(ue_devs, enb_devs.Get(0));
  lte->AssignStreams(ue_devs, 1000);
  lte->AssignStreams(enb_devs, 2000);

  Ptr<LteEnbNetDevice> enb = enb_devs.Get(0)->GetObject<LteEnbNetDevice>();
  enb->GetPhy()->TraceConnectWithoutContext("ReportUeSinr", MakeCallback(&on_srs_sinr));
  enb->GetPhy()->GetUlSpectrumPhy()->TraceConnectWithoutContext("UlPhyReception",
                                                                MakeCallback(&on_ul_rx));
  for (uint32_t i = 0; i < n; ++i) {
    Ptr<LteUeNetDevice> ue = ue_devs.Get(i)->GetObject<LteUeNetDevice>();
    ue->GetRrc()->TraceConnectWithoutContext("ConnectionEstablished",
                                             MakeBoundCallback(&on_connected, i));
    ue->GetRrc()->TraceConnectWithoutContext("RadioLinkFailure", MakeBoundCallback(&on_rlf, i));
    ue->GetPhy()->TraceConnectWithoutContext("UlPhyTransmission", MakeBoundCallback(&on_ul_dci, i));
    ue->GetPhy()->TraceConnectWithoutContext("ReportUlPhyResourceBlocks",
                                             MakeBoundCallback(&on_ul_rbs, i));
    ue->GetPhy()->TraceConnectWithoutContext("ReportCurrentCellRsrpSinr",
                                             MakeBoundCallback(&on_dl_sinr, i));
    ue->GetPhy()->GetUplinkPowerControl()->TraceConnectWithoutContext(
        "ReportPuschTxPower", MakeBoundCallback(&on_pusch_power, i));
  }

  if (g_probe_mode)
    return run_probes(o, distances, ue_nodes, remote.Get(0), remote_address, enb_node.Get(0), epc);

  // One sink per UE on the remote host, so each UE's bytes are counted apart.
  const std::string factory =
      o.transport == "udp" ? "ns3::UdpSocketFactory" : "ns3::TcpSocketFactory";
  std::vector<Ptr<PacketSink>> sinks;
  const double rate = offered_mbps(o, n);
  for (uint32_t i = 0; i < n; ++i) {
    const uint16_t port = static_cast<uint16_t>(10000 + i);
    PacketSinkHelper sink(factory, InetSocketAddress(Ipv4Address::GetAny(), port));
    ApplicationContainer s = sink.Install(remote.Get(0));
    s.Start(Seconds(0));
    sinks.push_back(DynamicCast<PacketSink>(s.Get(0)));
    ApplicationContainer source;
    if (o.transport == "udp") {
      UdpClientHelper client(remote_address, port);
      // UdpClient's MaxPackets 0 means none in 3.37, not unlimited.
      client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
      client.SetAttribute("PacketSize", UintegerValue(o.payload));
      client.SetAttribute("Interval", TimeValue(Seconds(o.payload * 8.0 / (rate * 1e6))));
      source = client.Install(ue_nodes.Get(i));
    } else {
      BulkSendHelper bulk(factory, InetSocketAddress(remote_address, port));
      bulk.SetAttribute("MaxBytes", UintegerValue(0));
      bulk.SetAttribute("SendSize", UintegerValue(o.payload));
      source = bulk.Install(ue_nodes.Get(i));
    }
    source.Start(Seconds(o.start));
  }

  Simulator::Schedule(Seconds(o.warmup), [&]() {
    g_measuring = true;
    for (uint32_t i = 0; i < n; ++i) {
      g_ue[i].rx_at_warmup = sinks[i]->GetTotalRx();
      // The data bearer's RLC exists only once the UE is connected; a UE still not connected
      // at warm-up gets an empty rlc_drops.
      std::ostringstream path;
      path << "/NodeList/" << ue_nodes.Get(i)->GetId()
           << "/DeviceList/*/LteUeRrc/DataRadioBearerMap/*/LteRlc/TxDrop";
      g_ue[i].rlc_traced =
          Config::ConnectWithoutContextFailSafe(path.str(), MakeBoundCallback(&on_rlc_drop, i));
    }
  });
  Simulator::Schedule(Seconds(o.seconds) - NanoSeconds(1), [&]() {
    for (uint32_t i = 0; i < n; ++i)
      g_ue[i].rx_at_end = sinks[i]->GetTotalRx();
  });
  Simulator::Stop(Seconds(o.seconds));
  Simulator::Run();

  std::ofstream file;
  if (o.out != "-") file.open(o.out);
  std::ostream& csv = o.out == "-" ? std::cout : file;
  const double window = o.seconds - o.warmup;
  const std::string scheduler = o.scheduler.empty() ? "ns3::PfFfMacScheduler" : o.scheduler;
  csv << "ue,distance_m,rbs,n_ues,scheduler,transport,payload_bytes,offered_mbps,"
         "goodput_mbps,mac_mbps,grants_per_s,new_grants_per_s,mean_rbs,mean_mcs,"
         "mean_tb_bytes,tbs_failed,srs_sinr_db,dl_sinr_db,pusch_dbm,rlc_drops,connected_s,"
         "connections,rlfs\n";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (uint32_t i = 0; i < n; ++i) {
    const UeStats& s = g_ue[i];
    const auto mean = [nan](double sum, uint64_t count) { return count ? sum / count : nan; };
    csv << i << ',' << fmt(s.distance, 1) << ',' << o.rbs << ',' << n << ',' << scheduler << ','
        << o.transport << ',' << o.payload << ','
        << (o.transport == "udp" ? fmt(rate, 3) : std::string()) << ','
        << fmt((s.rx_at_end - s.rx_at_warmup) * 8.0 / window / 1e6, 4) << ','
        << fmt(s.tb_bytes_ok * 8.0 / window / 1e6, 4) << ',' << fmt(s.grants / window, 1) << ','
        << fmt(s.new_grants / window, 1) << ','
        << fmt(mean(static_cast<double>(s.rbs), s.grants), 2) << ','
        << fmt(mean(static_cast<double>(s.mcs_sum), s.new_grants), 2) << ','
        << fmt(mean(static_cast<double>(s.tb_bytes), s.new_grants), 1) << ',' << s.tbs_failed << ','
        << fmt(mean(s.srs_db_sum, s.srs_reports), 2) << ','
        << fmt(mean(s.dl_db_sum, s.dl_reports), 2) << ','
        << fmt(mean(s.pusch_dbm_sum, s.pusch_reports), 2) << ','
        << (s.rlc_traced ? std::to_string(s.rlc_drops) : std::string()) << ','
        << (s.connected_s >= 0 ? fmt(s.connected_s, 4) : std::string()) << ',' << s.connections
        << ',' << s.rlfs << '\n';
  }
  Simulator::Destroy();
  return 0;
}

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
// Built against Debian's libns3-dev (3.37) by validation/ns3/CMakeLists.txt; optional.
#include <ns3/applications-module.h>
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/lte-module.h>
#include <ns3/mobility-module.h>
#include <ns3/network-module.h>
#include <ns3/point-to-point-module.h>

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
  cmd.Parse(argc, argv);

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
  if (!(o.start >= 0 && o.start < o.warmup && o.warmup < o.seconds) || o.payload < 12) {
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

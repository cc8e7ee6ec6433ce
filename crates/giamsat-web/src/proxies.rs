//! The client's address behind trusted proxies. giamsat serves plain HTTP, usually behind a
//! reverse proxy, and then every request's TCP peer is the proxy: failed sign-ins would be
//! counted against everyone at once. The proxies named in the settings are believed about
//! `X-Forwarded-For`; nobody else is, since any client can send that header.

use std::net::IpAddr;

use axum::http::HeaderMap;

/// An address or a CIDR range (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    network: IpAddr,
    prefix: u8,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("\"{0}\" is not an IP address or a CIDR range such as 10.0.0.0/8")]
pub struct NotARange(pub String);

impl Range {
    pub fn parse(text: &str) -> Result<Range, NotARange> {
        let bad = || NotARange(text.to_owned());
        let (address, prefix) = match text.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().map_err(|_| bad())?;
        let network = network.to_canonical();
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(bad)?,
        };
        Ok(Range { network, prefix })
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let (a, n, bits) = match (address.to_canonical(), self.network) {
            (IpAddr::V4(a), IpAddr::V4(n)) => {
                (u128::from(u32::from(a)), u128::from(u32::from(n)), 32_u32)
            }
            (IpAddr::V6(a), IpAddr::V6(n)) => (u128::from(a), u128::from(n), 128),
            _ => return false,
        };
        let host_bits = bits - u32::from(self.prefix);
        (a ^ n).checked_shr(host_bits).unwrap_or(0) == 0
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Range>);

impl TrustedProxies {
    /// The ranges in `entries` (empty entries skipped), or the first that is not one.
    pub fn parse<T: AsRef<str>>(entries: &[T]) -> Result<TrustedProxies, NotARange> {
        entries
            .iter()
            .map(AsRef::as_ref)
            .filter(|e| !e.trim().is_empty())
            .map(Range::parse)
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    pub fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|r| r.contains(address))
    }

    /// The client's address: the TCP `peer`, unless it is a trusted proxy; then the
    /// right-most address of `X-Forwarded-For` that is not itself trusted (each proxy appends
    /// the address it was reached from, so addresses to the left of the first untrusted one
    /// are whatever the client chose to send). An entry that cannot be read ends the walk at
    /// the last proxy seen, which is then the address counted.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        let mut nearest = peer;
        for hop in hops.into_iter().rev() {
            let Some(address) = parse_hop(hop) else {
                return nearest;
            };
            if !self.trusts(address) {
                return address;
            }
            nearest = address;
        }
        nearest
    }
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[::1]:5678`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(address) = hop.parse::<IpAddr>() {
        return Some(address.to_canonical());
    }
    hop.parse::<std::net::SocketAddr>()
        .ok()
        .map(|s| s.ip().to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().expect("header"));
        }
        headers
    }

    #[test]
    fn ranges_are_read_and_matched() {
        let proxies =
            TrustedProxies::parse(&["10.0.0.0/8", " 192.168.1.7 ", "", "fd00::/8"]).expect("ok");
        for (address, trusted) in [
            ("10.255.0.1", true),
            ("11.0.0.1", false),
            ("192.168.1.7", true),
            ("192.168.1.8", false),
            ("::ffff:10.1.2.3", true),
            ("fd12::1", true),
            ("fe80::1", false),
        ] {
            assert_eq!(proxies.trusts(ip(address)), trusted, "{address}");
        }
        assert!(
            TrustedProxies::parse(&["0.0.0.0/0"])
                .expect("all")
                .trusts(ip("8.8.8.8"))
        );
        for bad in ["10.0.0.0/33", "proxy.local", "10.0.0/8", "::/129"] {
            assert_eq!(
                TrustedProxies::parse(&[bad]),
                Err(NotARange(bad.to_owned()))
            );
        }
    }

    #[test]
    fn only_a_trusted_peer_is_believed_and_only_up_to_the_first_untrusted_hop() {
        let proxies = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).expect("ok");
        let headers = forwarded(&["6.6.6.6, 203.0.113.9", "10.1.1.1"]);
        // Two trusted proxies: the client is the right-most untrusted hop; what it put
        // further left (6.6.6.6) is its own choice and ignored.
        assert_eq!(proxies.client(ip("127.0.0.1"), &headers), ip("203.0.113.9"));
        // A peer that is not a proxy is the client, whatever it sends.
        assert_eq!(
            proxies.client(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
        // No proxies configured: the header is never read.
        assert_eq!(
            TrustedProxies::default().client(ip("127.0.0.1"), &headers),
            ip("127.0.0.1")
        );
        // A trusted proxy without the header, or with garbage: the last proxy seen.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &HeaderMap::new()),
            ip("127.0.0.1")
        );
        assert_eq!(
            proxies.client(
                ip("127.0.0.1"),
                &forwarded(&["203.0.113.9, junk, 10.2.2.2"])
            ),
            ip("10.2.2.2")
        );
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &forwarded(&["[2001:db8::7]:4711"])),
            ip("2001:db8::7")
        );
    }
}

import { AgencyLabels } from '@app/contracts';
import { AREAS, categoryByName, REQUEST_CATEGORIES, type RequestCategory } from '@app/reference-data';
import type { ErrorDetail } from '@app/errors';
import type { SubmitItemDto } from '../items/submit-item.dto';
import type { ItemWithProgress } from '../persistence/items.repository';
import type { CreateServiceRequestDto, Open311ServiceDto, Open311ServiceRequestDto } from './open311.dto';

/** GeoReport v2 services: our request categories. None has extra attributes (metadata false). */
export function open311Services(): Open311ServiceDto[] {
  return REQUEST_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime',
    keywords: c.keywords.join(','),
    group: AgencyLabels[c.agency],
  }));
}

/** The first of the city's areas named in a free-text address (德城区…, or 德城…). */
export function areaInAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return AREAS.find((a) => address.includes(a.name) || address.includes(a.name.slice(0, -1)))?.name;
}

const TITLE_MAX = 100;

/**
 * A GeoReport service request as our item: the category gives the title prefix and the request type; the
 * jurisdiction (area code) or an area named in the address gives the area; a caller who leaves neither name
 * nor phone on a category that is reported (举报) stays anonymous.
 */
export function open311Item(request: CreateServiceRequestDto, category: RequestCategory): SubmitItemDto {
  const name = `${request.last_name ?? ''}${request.first_name ?? ''}`.trim();
  const anonymous = !name && !request.phone && category.defaultRequestType === 'report';
  const areaName = request.jurisdiction_id ? undefined : areaInAddress(request.address_string);
  const title = `${category.name}：${request.description}`;
  return {
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    description: request.description,
    requestType: category.defaultRequestType,
    category: category.name,
    location: {
      ...(request.jurisdiction_id ? { areaCode: request.jurisdiction_id } : {}),
      ...(areaName ? { areaName } : {}),
      ...(request.address_string ? { address: request.address_string } : {}),
      ...(request.lat !== undefined ? { lat: request.lat } : {}),
      ...(request.long !== undefined ? { lng: request.long } : {}),
    },
    citizen: {
      ...(name ? { name } : {}),
      ...(request.phone ? { mobile: request.phone } : {}),
      anonymous,
    },
    attachments: request.media_url
      ? [{ name: 'media_url', contentType: 'application/octet-stream', sizeBytes: 0, url: request.media_url }]
      : [],
  };
}

const OPEN311_FIELDS: Record<string, string> = {
  title: 'description',
  'location.areaCode': 'jurisdiction_id',
  'location.areaName': 'address_string',
  'location.address': 'address_string',
  'location.lat': 'lat',
  'location.lng': 'long',
  'citizen.name': 'first_name',
  'citizen.mobile': 'phone',
  'citizen.anonymous': 'first_name',
};

/** Our item rules speak of item fields; an Open311 caller should read the fields it sent. */
export function asOpen311Problem<P extends ErrorDetail & { messageEn?: string }>(problem: P): P {
  const field = OPEN311_FIELDS[problem.field];
  if (!field) return problem;
  return {
    ...problem,
    field,
    message: problem.message.replaceAll(problem.field, field),
    ...(problem.messageEn ? { messageEn: problem.messageEn.replaceAll(problem.field, field) } : {}),
  };
}

/** An item as GeoReport v2 shows it, with what intake has learnt of its progress downstream. */
export function open311ServiceRequest(known: ItemWithProgress): Open311ServiceRequestDto {
  const { item } = known;
  const category = item.category ? categoryByName(item.category) : undefined;
  return {
    service_request_id: item.receiptNo,
    status: known.status,
    status_notes: known.statusNotes,
    service_name: category?.name ?? item.category ?? null,
    service_code: category?.code ?? null,
    description: item.description,
    agency_responsible: known.agencyResponsible,
    service_notice: null,
    requested_datetime: item.receivedAt,
    updated_datetime: known.updatedAt,
    expected_datetime: null,
    address: item.location.address ?? item.location.areaName ?? null,
    address_id: null,
    zipcode: null,
    lat: item.location.lat ?? null,
    long: item.location.lng ?? null,
    media_url: item.attachments.find((a) => a.url)?.url ?? null,
  };
}
